<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AiOverlay</name>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>陌生人</source>
        <translation>Stranger</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>识别中</source>
        <translation>Identifying</translation>
    </message>
    <message>
        <source>人脸</source>
        <translation>Face</translation>
    </message>
    <message>
        <source>戴口罩</source>
        <translation>Mask</translation>
    </message>
    <message>
        <source>未戴口罩</source>
        <translation>No mask</translation>
    </message>
    <message>
        <source>人</source>
        <translation>Person</translation>
    </message>
</context>
</TS>
