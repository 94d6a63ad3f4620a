"""Signing in at a seat, the account menu, 设置 → 用户, and the idle lock: views over app.access."""
