from maya_hq.cli import main

raise SystemExit(main())
