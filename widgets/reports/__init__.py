"""The work report rendered with Qt (PDF); its data is built in the core (`runtime/reports/`)."""
