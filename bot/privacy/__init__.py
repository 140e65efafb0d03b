"""Privacy for the staff console: redaction of personal data in transcripts, the audit log, and
retention / erasure of conversations. Plain Python; the console (bot/console) imports these modules."""
