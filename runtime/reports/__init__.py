"""工作报告: the daily, weekly and monthly work report of a grid subtree, as data (`build_report`),
rendered to .xlsx here (`xlsx.py`) and to PDF by the widgets layer (`widgets/reports/pdf.py`, Qt)."""
