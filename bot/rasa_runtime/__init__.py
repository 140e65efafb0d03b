"""Everything that runs inside the Rasa server process and touches Rasa itself (see module docs)."""
