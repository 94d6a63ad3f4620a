<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ConfirmActDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写原因，它会记入记录</source>
        <translation>Please give the reason: it goes into the record</translation>
    </message>
    <message>
        <source>原因过长（最多 %1 字）</source>
        <translation>The reason is too long (at most %1 characters)</translation>
    </message>
</context>
</TS>
