from maya_desktop.cli import main

raise SystemExit(main())
