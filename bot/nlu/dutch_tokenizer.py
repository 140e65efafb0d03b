"""Rasa adapter: spaCy tokenizer whose lemma is the normalised Dutch spelling of each token.

The blank Dutch spaCy pipeline has no lemmatiser. We use the lemma slot for our own normalisation
(lower case, no diacritics, youth spelling and chat abbreviations mapped to standard Dutch, see
``bot.signals.normalize``). Rasa's CountVectorsFeaturizer uses the lemma by default, so "nie", "mn" and
"ipv" produce the same word and character n-gram features as "niet", "mijn" and "in plaats van",
while the token offsets (and so the entity spans) stay those of the original text.
"""
from __future__ import annotations

from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.signals.normalize import normalize_token


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class DutchTokenizer(SpacyTokenizer):
    """SpacyTokenizer with Dutch spelling normalisation in the lemma."""

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.lemma = normalize_token(token.text) or token.text.lower()
        return tokens
