"""Every QWidget of the product: the main window, the docks, the bridge from core events to Qt."""
