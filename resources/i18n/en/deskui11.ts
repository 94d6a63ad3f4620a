<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlarmWords</name>
    <message>
        <source>紧急呼叫(SOS)</source>
        <translation>Emergency call (SOS)</translation>
    </message>
    <message>
        <source>烟雾报警</source>
        <translation>Smoke alarm</translation>
    </message>
    <message>
        <source>燃气泄漏报警</source>
        <translation>Gas leak alarm</translation>
    </message>
    <message>
        <source>水浸报警</source>
        <translation>Water leak</translation>
    </message>
    <message>
        <source>夜间开门(重点关注老人)</source>
        <translation>Door opened at night (elderly resident at risk)</translation>
    </message>
    <message>
        <source>传感器电量低</source>
        <translation>Sensor battery low</translation>
    </message>
    <message>
        <source>长时间无活动(%1小时)</source>
        <translation>No activity for a long time (%1 h)</translation>
    </message>
    <message>
        <source>传感器%1小时无信号</source>
        <translation>Sensor silent for %1 h</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1（%2） · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>夜间%1 · %2</source>
        <translation>%1 at night · %2</translation>
    </message>
    <message>
        <source>夜间%1（%2） · %3</source>
        <translation>%1 at night (%2) · %3</translation>
    </message>
    <message>
        <source>超过 %1 分钟无人确认</source>
        <translation>Not acknowledged within %1 min</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>陌生人逗留</source>
        <translation>Stranger lingering</translation>
    </message>
    <message>
        <source>区域闯入</source>
        <translation>Zone intrusion</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>当前操作人：本账号所属人员（本角色不能代他人办理）</source>
        <translation>Acting as: the person this account belongs to (this role cannot act for others)</translation>
    </message>
</context>
<context>
    <name>GridWork</name>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
</context>
</TS>
