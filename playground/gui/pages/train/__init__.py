"""The Train page: `page.TrainPage` (settings, controls, live curves, log), `runs` (the run list and
overlays), `status_line`."""
