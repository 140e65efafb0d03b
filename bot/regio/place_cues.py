"""Word lists (folded) that steer place recognition: cues before a place, filler words, words never
fuzzy-matched. Part of ``bot.regio.lookup`` (which re-exports them)."""
from __future__ import annotations

# words (folded) that signal that a place follows
RESIDENCE_CUES = {
    "woon", "woont", "wonen", "woonde", "woonden", "gewoond", "wonend", "woonachtig", "woonplaats",
    "verhuisd", "verhuizen", "verhuis", "verhuist", "verhuizing", "gemeente", "gemeentes", "regio", "dorp",
    "plaats", "stad", "postcode", "omgeving", "buurt", "vandaan", "bedoel", "bedoelde",
}
PREP_CUES = {"in", "naar", "uit", "bij", "te", "vanuit", "rond", "richting", "nabij", "op", "around", "from"}
AWAY_CUES = {"van", "vanuit", "uit"}  # place someone came from (weaker when there is also a 'naar')
POSTCODE_CUES = {"postcode", "pc", "postcodegebied", "pc4", "postcodes"}
COMMON_2 = {"en", "in", "op", "of", "is", "al", "na", "om", "te", "de", "ik", "je", "we", "ze", "zo", "nu", "er",
            "ja", "uw", "um", "eh", "km", "cm", "mm", "kg", "ml", "pm", "am", "uu", "tm", "of", "ok", "he", "hi",
            "nl", "vo", "po", "wo", "ho", "mb", "gb", "st", "nr", "tot", "me", "mn", "zn", "an", "at", "as", "be",
            "by", "do", "go", "if", "it", "my", "no", "on", "or", "so", "to", "up", "us", "sa", "sd", "ss"}
FILLER = {"ik", "wij", "we", "woon", "wonen", "woont", "in", "de", "gemeente", "te", "naar", "bij", "uit", "het",
          "postcode", "is", "mijn", "onze", "dat", "die", "hier", "nee", "ja", "bedoel", "sorry", "btw", "hoor",
          "eigenlijk", "dus", "nou", "oh", "o", "ok", "oke", "okay", "toch", "net", "verhuisd", "zijn", "wel"}

FUZZY_SKIP = {"school", "scholen", "huis", "thuis", "klas", "groep", "dagen", "weken", "maanden", "jaar",
              "contact", "gesprek", "overleg", "leerplicht", "zorg", "jeugdzorg", "buurt", "straat", "wijk",
              "centrum", "stad", "dorp", "gemeente", "regio", "provincie", "omgeving", "de", "het", "een",
              "mijn", "zoon", "dochter", "kind", "kinderen", "moeder", "vader", "ouders", "onderwijs",
              "basisschool", "middelbare", "speciaal", "praktijk", "behandeling", "therapie", "rust",
              "paniek", "problemen", "principe", "plaats", "buitenland", "nederland", "belgie", "duitsland",
              "hallo", "hoi", "hey", "hee", "goedemorgen", "goedemiddag", "goedenavond", "dag", "doei", "bedankt",
              "dankje", "dankjewel", "thanks", "prima", "sorry", "help", "hulp", "vraag", "vragen", "graag",
              "misschien", "weet", "niet", "geen", "klopt", "precies", "goed", "ouder", "jongere", "stoppen",
              "opnieuw", "terug", "verder", "anders", "andere", "ander", "allebei", "beide", "geen idee"}
