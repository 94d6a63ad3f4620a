"""PostgreSQL images: `pg_dump --format=custom` and `pg_restore`, PostgreSQL's own tools, run as the
site's database user. The password goes to them in the environment, never on a command line that
`ps` shows."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.store.backup_archive import BackupError
from app.store.database import Database

TOOL_TIMEOUT_S = 3600
INSTALL_HINT = (
    "请安装 PostgreSQL 客户端工具（Debian/Ubuntu: apt install postgresql-client；Windows: PostgreSQL "
    "安装包中的 Command Line Tools），版本不低于服务器 (install the PostgreSQL client tools, "
    "e.g. `apt install postgresql-client`, at least the server's version)"
)


def find_tool(name: str) -> Path:
    """`pg_dump` or `pg_restore`: on PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    if candidates:
        return Path(max(candidates, key=_major_version))
    raise BackupError(f"找不到 {name}，无法备份或恢复 PostgreSQL 站点 (cannot find {name}). {INSTALL_HINT}")


def _major_version(path: str) -> int:
    match = re.search(r"/postgresql/(\d+)/", path)
    return int(match.group(1)) if match else 0


def _connection_args(db: Database) -> tuple[list[str], dict[str, str]]:
    url = make_url(db.url)
    args = ["--no-password", "--dbname", url.database or "postgres"]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _run(tool: str, arguments: list[str], db: Database) -> None:
    connection, env = _connection_args(db)
    command = [str(find_tool(tool)), *arguments, *connection]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(f"{tool} 无法运行 (cannot run {tool}): {error}") from error
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise BackupError(
            f"{tool} 失败 ({tool} failed, exit {done.returncode}) on {db.safe_url}: {' '.join(said[-3:])}"
        )


def dump(db: Database, into: Path, snapshot: str | None = None) -> None:
    """The whole site database in PostgreSQL's custom format (compressed, restorable table by table),
    as of an exported `snapshot` when given (so the manifest's counts describe the same moment)."""
    into.unlink(missing_ok=True)
    moment = [f"--snapshot={snapshot}"] if snapshot else []
    _run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", *moment, "--file", str(into)], db)


def is_empty(db: Database) -> bool:
    """No table of its own yet: a database made with `createdb` and nothing else."""
    with db.engine.connect() as connection:
        tables = connection.execute(
            text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
        ).scalar_one()
    return tables == 0


def restore(image: Path, db: Database) -> None:
    """Load a dump into an empty database in one transaction: any error leaves it empty."""
    _run(
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(image)],
        db,
    )
