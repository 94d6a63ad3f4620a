"""The 设置 menu's dialogs: the site's own cameras, grids, people and sensors, edited in the GUI."""
