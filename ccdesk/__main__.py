"""`python -m ccdesk`: the window, as the `ccdesk` command."""

from ccdesk.app import main

raise SystemExit(main())
