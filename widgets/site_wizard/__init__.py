"""The 新建站点 wizard and the 设置 menu's site entries: the office's own files, checked, then imported."""
