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
        <source>海康回放画面的时钟若与所选时间差 8 小时（录像机把 UTC 当本地时间），请选 hikvision-local</source>
        <translation>A Hikvision playback 8 hours off the time picked (the recorder reads UTC as local time): choose hikvision-local</translation>
    </message>
</context>
</TS>
