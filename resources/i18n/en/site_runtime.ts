<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SchedulerSeat</name>
    <message>
        <source>程序退出</source>
        <translation>application closed</translation>
    </message>
    <message>
        <source>调度 运行中 · 上次扫描失败</source>
        <translation>Scheduler running · last sweep failed</translation>
    </message>
    <message>
        <source>本席位运行全站调度：工单时限监控与逐级升级</source>
        <translation>This seat runs the site scheduler: ticket time limits and escalation</translation>
    </message>
    <message>
        <source>调度 运行中</source>
        <translation>Scheduler running</translation>
    </message>
    <message>
        <source>另一席位正在运行全站调度；该席位退出后本席位自动接替</source>
        <translation>Another seat runs the site scheduler; this seat takes over when that one closes</translation>
    </message>
    <message>
        <source>调度 仅查看</source>
        <translation>Scheduler: view only</translation>
    </message>
    <message>
        <source>调度 启动中…</source>
        <translation>Scheduler starting…</translation>
    </message>
    <message>
        <source>调度 已停止</source>
        <translation>Scheduler stopped</translation>
    </message>
</context>
<context>
    <name>AiRuntime</name>
    <message>
        <source>AI 加载中…</source>
        <translation>AI loading…</translation>
    </message>
    <message>
        <source>AI 未启动</source>
        <translation>AI not running</translation>
    </message>
    <message>
        <source>AI 无摄像机</source>
        <translation>AI: no cameras</translation>
    </message>
    <message>
        <source>没有启用 AI 的摄像机</source>
        <translation>No camera has AI switched on</translation>
    </message>
    <message>
        <source>显示居民姓名</source>
        <translation>residents' names shown</translation>
    </message>
    <message>
        <source>不显示居民姓名</source>
        <translation>residents' names hidden</translation>
    </message>
    <message>
        <source>AI 摄像机</source>
        <translation>AI cameras</translation>
    </message>
    <message>
        <source>AI %1 路</source>
        <translation>AI %1 cameras</translation>
    </message>
</context>
<context>
    <name>PanelWiring</name>
    <message>
        <source>告警没有位置信息，无法在地图上显示</source>
        <translation>The alarm has no location to show on the map</translation>
    </message>
    <message>
        <source>告警地点 %1 米内没有摄像机</source>
        <translation>No camera within %1 m of the alarm</translation>
    </message>
</context>
<context>
    <name>AlarmIndicator</name>
    <message>
        <source>告警 未处置 %1</source>
        <translation>Alarms open %1</translation>
    </message>
    <message>
        <source>待确认 %1</source>
        <translation>%1 to acknowledge</translation>
    </message>
</context>
</TS>
