<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Language</name>
    <message>
        <source>zh_CN</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据库位置</source>
        <translation>Database location</translation>
    </message>
</context>
<context>
    <name>SiteSetup</name>
    <message>
        <source>GCJ-02 (高德/腾讯)</source>
        <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
        <source>BD-09 (百度)</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <source>WGS-84 (GPS)</source>
        <translation>WGS-84 (GPS)</translation>
    </message>
</context>
<context>
    <name>RosterEdit</name>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>租户</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>#%1  %2（%3）— %4</source>
        <translation>#%1  %2 (%3) — %4</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>按类别：%1
按来源：%2</source>
        <translation>By category: %1
By source: %2</translation>
    </message>
    <message>
        <source>指挥中心</source>
        <translation>Command centre</translation>
    </message>
    <message>
        <source>本机系统</source>
        <translation>This computer (system)</translation>
    </message>
</context>
</TS>
