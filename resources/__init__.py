"""Files ccdesk ships (icons, the sample transaction-code catalog), installed as `ccdesk.resources`."""
