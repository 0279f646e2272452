"""One module per slot of a claim: what is counted (``object``), what happened (``event``), by whom
(``actor``), where (``place``), when it happened and when it was said (``time``), and who says so
(``source``). Each finder reads its language data once; ``extract/claims.py`` only assembles."""
