"""Writes the README's audit log screenshot from the demo site: 工具 → 审计日志… with the chain checked.

Run `.venv/bin/python resources/screenshots/make_audit_shot.py` to regenerate it (offscreen).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import Seat  # noqa: E402
from app.context import SiteContext  # noqa: E402
from app.store import Database  # noqa: E402
from runtime.reads import ReadModels  # noqa: E402
from widgets.audit_viewer import AuditLogDialog  # noqa: E402
from widgets.theme import apply_theme  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/demo.sqlite"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", url], check=True, cwd=ROOT)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        apply_theme(app)
        db = Database(url)
        dialog = AuditLogDialog(ReadModels(SiteContext(db, seat=Seat("李主任", "desk-9"))).audit)
        dialog.resize(1280, 720)
        dialog.show()
        dialog.action.setCurrentText("ticket.")
        dialog.search()
        QTimer.singleShot(1500, dialog.check_chain)
        QTimer.singleShot(4000, lambda: (dialog.grab().save(str(HERE / "audit_log.png")), app.quit()))
        app.exec()
        db.dispose()


if __name__ == "__main__":
    main()
