<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClipsUi</name>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>导出从当前画面起的时长：录像机按原速发送，1 分钟约需 1 分钟</source>
        <translation>How much to export from the picture on screen: the recorder sends it at its own pace, so a minute takes about a minute</translation>
    </message>
    <message>
        <source>正在从录像机录制… %1%</source>
        <translation>Recording from the recorder… %1%</translation>
    </message>
    <message>
        <source>正在加水印… %1%</source>
        <translation>Adding the watermark… %1%</translation>
    </message>
    <message>
        <source>（录像机只发来 %1 秒）</source>
        <translation>(the recorder sent only %1 s)</translation>
    </message>
</context>
<context>
    <name>CameraSettings</name>
    <message>
        <source>海康：hikvision 以 UTC 时间请求（海康接口的规定）；不少海康录像机把该时间当作本地时间，回放画面上的时钟若比所选时间差 8 小时（时区差），请改选 hikvision-local（按本站时区请求）。</source>
        <translation>Hikvision: "hikvision" asks in UTC, as ISAPI says; many Hikvision recorders read that time as their local time. If the clock in the played picture is 8 hours (the time zone) off the time you picked, choose "hikvision-local" (asks in the site's time zone).</translation>
    </message>
</context>
</TS>
