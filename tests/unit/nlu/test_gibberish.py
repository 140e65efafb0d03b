import pytest

from bot.nlu.gibberish import looks_like_gibberish


@pytest.mark.parametrize("text", ["qqqq", "hjkl", "asdf", "fdsa jkl", "sdfkjh qwpeoi zxmcnv", "...", "?!?!", "bla bla bla",
                                  "xyz xyz", "lkjhg", "zzzzz", "  ???  ", "QWERTY"])
def test_gibberish(text):
    assert looks_like_gibberish(text)


@pytest.mark.parametrize("text", ["", None, "hoi", "opp?", "tlv", "ok", "ja", "nee", "9712", "1234 AB", "help",
                                  "mn zoon zit thuis", "wrm", "ff", "ty", "thx", "doei", "k zit thuis",
                                  "wat is een opp", "ik ben 15", "hallo??", "Zwolle", "bye", "ggz"])
def test_real_messages(text):
    assert not looks_like_gibberish(text)


@pytest.mark.parametrize("text", ["hjkl wat is een opp", "asdf sorry typfout, wat is een tlv"])
def test_mashing_inside_a_real_question_is_not_gibberish(text):
    assert not looks_like_gibberish(text)
