"""School names: with a school name a child is easy to find, so they are masked (kind ``school``, placeholder
"[school]"). A school type alone ("de basisschool", "het vmbo", "een college") stays.

``find_schools(text)`` (in ``recogniser``) is the entry point; ``bot.privacy.redaction`` calls it. The modules of
this package are named after what they recognise:

  recogniser            runs every rule, adds echoes and list neighbours, merges overlaps, drops non-schools,
                        places the article
  school_word_and_name  "OBS De Klimop", "Basisschool De Regenboog", "Da Vinci College", "Coenschool"
  type_then_name        "roc zuidkust", "naar so de zandloper", "ODBS De Zeester", "Praktijkonderwijs X"
  head_then_name        "het atheneum college duinwijck", "Vakschool Westland", "het gymnasium aquilanum",
                        "de Open Havo Zuidwest"
  name_before_head      "de aafke steenstra school", "het Lindenhout College", "Lindeborg college",
                        "Nieuwe Maas Montessori"
  name_run_before_head  "pieter de hoogh college", "st. jozef school", "Dijkzicht-sbo"
  named_kind_compounds  "Mr. Tichelaar Praktijkschool", "de Titus van Ommerenschool"
  person_names          "Karel de Grote-school", "op het tjalling harkema"
  typo_heads            "gymnasuim", "daltonscool", "het da vinci collage"
  place_adjectives      "op het almeerse daltoncollege", "de zeeuwse havenvakschool"
  with_place            "het dalton college ijsselmonde", "de vrije school in Zutphen", "het stedelijk lyceum zuid",
                        "Het Baken Almere"
  abbreviated_names     "op het hzc", "op het JdW", "zit op SGM", "zit op sgm", "op t mondri", "zit op het bonhoeffer",
                        "op t KSG", "op de RSG", "JdW locatie Dijkveld", "de CLZ (Christelijk Lyceum Zeeland)"
  labelled              "School: Het Brummense Heem"
  named_by_verb         "mijn oude school heette De Sterrenwachter", "het heet ontplooiing college"
  lower_case            "op obs de regenboog", "het bouwmeester college", "op de regenboogschool"
  proper_nouns          capitalised names in a message about school: "op de Zandloper", "naar Heiderijk"
  after_preposition     "afgewezen door de Bolderik", "bij Veluwestede Harderwijk"
  capital_article       "bij De Wilgenhoek", "op 't Palet"
  at_school             "hij zit op de Hoeksteen", "de Hoeksteen (speciaal onderwijs)", "De Berkenschutse",
                        "zit op het Mondriaan", "van het Mondriaan afgegaan", "Yulius Onderwijs" (a care
                        organisation that runs schools)
  acting_names          "Het Kompas heeft hem geschorst", "De Rietlanden is een vso-school", "Het HML wil haar niet
                        toelaten", "De Duinroos heeft ons gebeld"
  appositions           "Nieuw Zuid, dat is een school", "school, De Kinderboom", "school (De Sterrenwachter)",
                        "zat op 'de kleine prins'"
  next_to_staff         "de intern begeleider van de Eikenboom"
  primary_groups        "op de waterlelie in groep 8"
  list_neighbours       "de Bolderik, de Horizonschool en Het Kristal", "scholen: de Ooievaar, ..."
  echoes                initials and corrections of a school found in the same message ("het SGN", "? nee, ...")
  never_a_school        findings that name no school: "de Havo", "aan de Kerkweg", "de Chinese zaterdagschool",
                        "een islamitische school in Den Haag", "de Jeugd-GGZ", "het Erasmus MC"

Shared helpers: ``words`` (vocabulary and word classification), ``word_checks`` (dictionary checks on one word),
``head_words`` (head words, typos in them, words around them), ``name_shapes`` (regex shapes of a name),
``name_tail`` (branch, part of town, place, level or "en" + a rare word after a name), ``tokens`` (token windows).

Every rule is a bounded regular expression or a token window with dictionary look-ups, so the work stays linear in
the length of the text. Word lists are in ``bot/privacy/redaction_patterns.yml``.
"""
from bot.privacy.schools.recogniser import find_schools

__all__ = ["find_schools"]
