<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Breadcrumb</name>
    <message>
        <source>全区</source>
        <translation>District</translation>
    </message>
</context>
<context>
    <name>MapOverlay</name>
    <message>
        <source>不着色</source>
        <translation>No colouring</translation>
    </message>
    <message>
        <source>按未办结工单</source>
        <translation>By open tickets</translation>
    </message>
    <message>
        <source>按超期工单</source>
        <translation>By overdue tickets</translation>
    </message>
    <message>
        <source>按告警次数</source>
        <translation>By alarms</translation>
    </message>
</context>
<context>
    <name>GridDetails</name>
    <message>
        <source>点击地图上的网格查看详情</source>
        <translation>Click a grid on the map for its details</translation>
    </message>
    <message>
        <source>双击进入下级网格，上方路径可返回上级。</source>
        <translation>Double-click to open the grids inside; the path above goes back up.</translation>
    </message>
    <message>
        <source>暂无在岗人员</source>
        <translation>Nobody on duty</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>未办结工单</source>
        <translation>Open tickets</translation>
    </message>
    <message>
        <source>超期工单</source>
        <translation>Overdue tickets</translation>
    </message>
    <message>
        <source>摄像头</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>传感器</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <source>活动告警</source>
        <translation>Active alarms</translation>
    </message>
    <message>
        <source>点击打开实时画面</source>
        <translation>Click to open the live view</translation>
    </message>
    <message>
        <source>摄像头（点击查看实时画面）</source>
        <translation>Cameras (click for the live view)</translation>
    </message>
    <message>
        <source>紧急按钮</source>
        <translation>SOS button</translation>
    </message>
    <message>
        <source>门磁</source>
        <translation>Door contact</translation>
    </message>
    <message>
        <source>人体感应</source>
        <translation>Motion sensor</translation>
    </message>
    <message>
        <source>烟感</source>
        <translation>Smoke detector</translation>
    </message>
    <message>
        <source>燃气</source>
        <translation>Gas detector</translation>
    </message>
    <message>
        <source>水浸</source>
        <translation>Water leak</translation>
    </message>
    <message>
        <source>离床</source>
        <translation>Bed exit</translation>
    </message>
    <message>
        <source>一级网格(街道)</source>
        <translation>Level 1 (street)</translation>
    </message>
    <message>
        <source>二级网格(社区)</source>
        <translation>Level 2 (community)</translation>
    </message>
    <message>
        <source>三级网格(小区)</source>
        <translation>Level 3 (compound)</translation>
    </message>
    <message>
        <source>微网格(楼栋)</source>
        <translation>Micro-grid (building)</translation>
    </message>
    <message>
        <source>网格长</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>包联县级领导</source>
        <translation>County leader</translation>
    </message>
    <message>
        <source>值班长</source>
        <translation>Duty supervisor</translation>
    </message>
    <message>
        <source>社区民警</source>
        <translation>Community police</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>搜索网格编码/名称、地址、户主…</source>
        <translation>Search grid code/name, address, householder…</translation>
    </message>
    <message>
        <source>近24小时</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>告警统计时段</source>
        <translation>Time range for alarm counts</translation>
    </message>
    <message>
        <source>摄像头</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>传感器</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>底图…</source>
        <translation>Base map…</translation>
    </message>
    <message>
        <source>打开离线 MBTiles 底图</source>
        <translation>Open an offline MBTiles base map</translation>
    </message>
    <message>
        <source>底图坐标系：国内图商瓦片多为 GCJ-02</source>
        <translation>Base map coordinates: tiles from Chinese providers are usually GCJ-02</translation>
    </message>
    <message>
        <source>全图</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出当前视图为 PNG 或 PDF</source>
        <translation>Export the current view as PNG or PDF</translation>
    </message>
    <message>
        <source>没有找到“%s”</source>
        <translation>Nothing found for “%s”</translation>
    </message>
    <message>
        <source>空缺</source>
        <translation>vacant</translation>
    </message>
    <message>
        <source>网格长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>未办结工单</source>
        <translation>Open tickets</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>打开离线底图</source>
        <translation>Open offline base map</translation>
    </message>
    <message>
        <source>底图</source>
        <translation>Base map</translation>
    </message>
    <message>
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <source>导出地图</source>
        <translation>Export map</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
</TS>
