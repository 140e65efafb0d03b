"""Staff console: transcripts, help-request inbox, region-scoped roles (see docs/console.md)."""
