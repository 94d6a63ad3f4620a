"""Run-time translation: Chinese source strings, English read straight from Qt .ts XML files.

Every area writes its English into `resources/i18n/en/<area>.ts`; `TsTranslator` reads them all, so no
compiled .qm is needed. Installing or removing it makes Qt send LanguageChange to every widget, which
retranslates itself in `changeEvent`. Qt's own words (OK/Cancel of a message box, the file dialog) come
from the `qtbase_<language>.qm` shipped in the PySide6 wheel, loaded beside it for either language.
"""

from __future__ import annotations

import logging
import weakref
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of one .ts file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


class TsTranslator(QTranslator):
    """A QTranslator over every .ts file of one language folder; falls back on the source alone."""

    def __init__(self, language: str, folder: Path = I18N_DIR, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._table: dict[tuple[str, str], str] = {}
        self._by_source: dict[str, str] = {}
        for path in sorted((folder / language).glob("*.ts")):  # zh_CN/: only what Qt's own lack
            try:
                self._table |= read_ts(path)
            except ET.ParseError as error:  # one broken file must not take every translation down
                log.error("cannot read translations %s: %s", path, error)
        for (_context, source), text in self._table.items():
            self._by_source.setdefault(source, text)

    def __len__(self) -> int:
        return len(self._table)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._table

    def language_code(self) -> str:
        return self.language

    def translate(  # Qt override
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = self._table.get((context, source_text)) or self._by_source.get(source_text)
        return text  # None becomes a null QString: Qt then keeps the source text


def current_language() -> str:
    """The language the installed translators speak: each language's .ts translates the marker "zh_CN"
    in the context "Language" to its own code (resources/i18n/en/i18n.ts), the source language has none."""
    return QCoreApplication.translate("Language", DEFAULT_LANGUAGE)


def qt_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own translations (qtbase_zh_CN.qm, qtbase_en.qm) from the installed PySide6, offline;
    None when the wheel has none for the language (Qt then keeps its English)."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    log.warning("no Qt translations qtbase_%s.qm in %s", language, folder)
    return None


class LanguageSwitcher:
    """Installs the translators for the chosen language: Qt's own, and ours. The source language
    (zh_CN) needs ours only where Qt's own Chinese lacks a word (resources/i18n/zh_CN/qt_extra.ts)."""

    # The application's translators are one list per process. A switcher made later (a second window, the
    # sign-in, a test) takes down what earlier ones installed: a Chinese qtbase left behind would otherwise
    # still answer Qt's own words (OK/Cancel, the file dialog) after switching to English.
    _installed: ClassVar[weakref.WeakSet[QTranslator]] = weakref.WeakSet()

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: TsTranslator | None = None
        self._qt: QTranslator | None = None
        self.language = DEFAULT_LANGUAGE
        self._install(DEFAULT_LANGUAGE)

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"未知语言 unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
        if language == self.language:
            return
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self._install(language)
        self.language = language

    def _install(self, language: str) -> None:
        """Qt's own translations, then ours over them (the last installed is asked first)."""
        for installed in list(LanguageSwitcher._installed):
            self._app.removeTranslator(installed)
        LanguageSwitcher._installed.clear()
        self._qt = qt_translator(language)
        if self._qt is not None:
            self._app.installTranslator(self._qt)
            LanguageSwitcher._installed.add(self._qt)
        translator = TsTranslator(language)
        if not translator.isEmpty():
            self._translator = translator
            self._app.installTranslator(translator)
            LanguageSwitcher._installed.add(translator)
