import sys

from caf_tui.cli import main

sys.exit(main())
