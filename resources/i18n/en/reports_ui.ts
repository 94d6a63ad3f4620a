<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReportExport</name>
    <message>
        <source>导出报告…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <source>周报</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>无法生成该报告：</source>
        <translation>Cannot make this report: </translation>
    </message>
    <message>
        <source>无法写入文件：</source>
        <translation>Cannot write the file: </translation>
    </message>
    <message>
        <source>报告生成失败：</source>
        <translation>The report failed: </translation>
    </message>
    <message>
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>报告类型</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>日期（报告期内任一天）</source>
        <translation>Date (any day of the period)</translation>
    </message>
    <message>
        <source>网格范围</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Excel 表格（.xlsx，含图表数据）</source>
        <translation>Excel workbook (.xlsx, with the charts' data)</translation>
    </message>
    <message>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>全域（全部网格）</source>
        <translation>Whole site (every grid)</translation>
    </message>
    <message>
        <source>正在生成报告预览…</source>
        <translation>Making the report's preview…</translation>
    </message>
    <message>
        <source>共 {n} 页。所见即所存：保存的文件与预览相同。</source>
        <translation>{n} pages. What you see is what is saved: the files are the preview.</translation>
    </message>
    <message>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>Excel 表格</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>保存报告</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存：</source>
        <translation>Saved:</translation>
    </message>
</context>
<context>
    <name>MapOverlay</name>
    <message>
        <source>按时效：按时办结率</source>
        <translation>SLA: on-time closure rate</translation>
    </message>
    <message>
        <source>按时效：超期次数</source>
        <translation>SLA: overdue count</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>时效统计时段（按受理时间）</source>
        <translation>SLA period (by time of receipt)</translation>
    </message>
</context>
<context>
    <name>MapSla</name>
    <message>
        <source>按时办结率</source>
        <translation>On-time closure rate</translation>
    </message>
    <message>
        <source>超期次数</source>
        <translation>Overdue count</translation>
    </message>
    <message>
        <source>本期无结案</source>
        <translation>None closed in the period</translation>
    </message>
    <message>
        <source>本期无工单</source>
        <translation>No tickets in the period</translation>
    </message>
    <message>
        <source>按时办结率 {rate}（{t}/{h}）· 超期 {o} 次</source>
        <translation>On time {rate} ({t}/{h}) · overdue {o} times</translation>
    </message>
</context>
<context>
    <name>SlaHeat</name>
    <message>
        <source>按时办结率</source>
        <translation>On-time closure rate</translation>
    </message>
    <message>
        <source>超期次数</source>
        <translation>Overdue count</translation>
    </message>
    <message>
        <source>时效热力表（近8周）</source>
        <translation>SLA heat table (last 8 weeks)</translation>
    </message>
    <message>
        <source>各街道</source>
        <translation>The streets</translation>
    </message>
    <message>
        <source>的下级</source>
        <translation>: its sub-grids</translation>
    </message>
    <message>
        <source>受理 {r} · 超期 {o} · 按时办结 {t}/{h}</source>
        <translation>Received {r} · overdue {o} · closed on time {t}/{h}</translation>
    </message>
</context>
</TS>
