"""PyInstaller's entry script: the frozen `ccdesk` executable is `ccdesk.app.main()`."""

import sys

from ccdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
