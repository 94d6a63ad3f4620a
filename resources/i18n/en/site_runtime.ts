<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DutyIndicator</name>
    <message>
        <source>断开：%1</source>
        <translation>Disconnected: %1</translation>
    </message>
    <message>
        <source>全部接收器已连接</source>
        <translation>All receivers connected</translation>
    </message>
    <message>
        <source>接收器 %1/%2</source>
        <translation>Receivers %1/%2</translation>
    </message>
    <message>
        <source>调度 运行中</source>
        <translation>Scheduler running</translation>
    </message>
    <message>
        <source>本席位运行全站调度：工单时限监控、告警检查与站点接收器</source>
        <translation>This seat runs the site's duties: ticket time limits, alarm checks and the site's receivers</translation>
    </message>
    <message>
        <source>调度 已停止</source>
        <translation>Scheduler stopped</translation>
    </message>
    <message>
        <source>调度 由 %1 运行</source>
        <translation>Scheduler run by %1</translation>
    </message>
    <message>
        <source>站点调度由 %1 运行；它退出后由其他进程接替</source>
        <translation>The site's duties are run by %1; another process takes over when it stops</translation>
    </message>
    <message>
        <source>调度 启动中…</source>
        <translation>Scheduler starting…</translation>
    </message>
    <message>
        <source>另一进程正在运行全站调度；它退出后由站点服务或本席位接替</source>
        <translation>Another process runs the site's duties; the site service or this seat takes over when it stops</translation>
    </message>
    <message>
        <source>调度 仅查看</source>
        <translation>Scheduler: view only</translation>
    </message>
    <message>
        <source>已连接</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>断开</source>
        <translation>disconnected</translation>
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
