<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Stats</name>
    <message>
        <source>{day} 受理的工单</source>
        <translation>Tickets received on {day}</translation>
    </message>
    <message>
        <source>共 {n} 件</source>
        <translation>{n} tickets</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>点击某日查看当日受理的工单</source>
        <translation>Click a day for the tickets received that day</translation>
    </message>
</context>
</TS>
