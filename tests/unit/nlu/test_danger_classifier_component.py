"""The Rasa adapter bot.nlu.danger_classifier_component: trained through Rasa's own model storage on NLU
examples plus a data/gevaar-style folder, saved, loaded again, and scoring messages under the key ``gevaar``."""
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.danger_classifier_component import DANGER_KEY, DangerClassifier

NLU = [("veiligheid", "mijn vader slaat mij"), ("veiligheid", "ik wil niet meer leven"),
       ("vraag_tlv", "wat is een tlv"), ("vraag_tlv", "hoe vraag ik een tlv aan"),
       ("vraag_schorsing", "hoe lang mag een schorsing duren"), ("vraag_schorsing", "mijn zoon is geschorst"),
       ("groet", "hallo"), ("groet", "goedemorgen")]


def test_trained_saved_loaded_and_scoring(tmp_path):
    examples = tmp_path / "gevaar"
    examples.mkdir()
    (examples / "x.tsv").write_text("gevaar\tze snijdt zichzelf in haar armen\ngevaar\thij wil dood\n"
                                    "geen\tik ga dood van verveling\ngeen\tde juf vermoordt me als ik te laat ben\n",
                                    encoding="utf-8")
    (tmp_path / "model").mkdir()
    storage = LocalModelStorage(tmp_path / "model")
    resource = Resource("danger")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**DangerClassifier.get_default_config(), "voorbeelden": str(examples)}
    component = DangerClassifier.create(config, storage, resource, context)
    data = TrainingData([Message(data={"text": t, "intent": i}) for i, t in NLU])
    component.train(data)
    loaded = DangerClassifier.load(config, storage, resource, context)
    danger, ordinary = Message(data={"text": "mijn vader slaat mij en ik wil niet meer leven"}), Message(data={"text": "wat is een tlv"})
    loaded.process([danger, ordinary])
    assert 0.0 <= ordinary.get(DANGER_KEY) < danger.get(DANGER_KEY) <= 1.0


def test_an_untrained_model_scores_nothing(tmp_path):
    storage = LocalModelStorage(tmp_path / "model")
    context = ExecutionContext(GraphSchema({}), "test")
    component = DangerClassifier.load(DangerClassifier.get_default_config(), storage, Resource("none"), context)
    message = Message(data={"text": "ik wil niet meer leven"})
    component.process([message])
    assert message.get(DANGER_KEY) == 0.0
