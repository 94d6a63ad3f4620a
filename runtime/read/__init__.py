"""Read models: what the views show, read from the store in one place each and handed out as plain,
frozen values (never ORM objects), so no view opens a session or imports a table."""
