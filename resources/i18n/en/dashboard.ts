<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Panels</name>
    <message>
        <source>信息展示墙</source>
        <translation>Information wall</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>网格指挥中心 · 信息展示墙</source>
        <translation>Grid Command Centre · Information Wall</translation>
    </message>
    <message>
        <source>已暂停轮播</source>
        <translation>Rotation paused</translation>
    </message>
    <message>
        <source>综合态势</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>工单与告警</source>
        <translation>Tickets and alarms</translation>
    </message>
    <message>
        <source>网格体系</source>
        <translation>The grid</translation>
    </message>
    <message>
        <source>今日工单</source>
        <translation>Tickets today</translation>
    </message>
    <message>
        <source>本月三率（12345）</source>
        <translation>This month's rates (12345)</translation>
    </message>
    <message>
        <source>网格地图 · 按未办结工单着色</source>
        <translation>Grid map · coloured by open tickets</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>最新工单</source>
        <translation>Newest tickets</translation>
    </message>
    <message>
        <source>未处置告警</source>
        <translation>Open alarms</translation>
    </message>
    <message>
        <source>暂无工单</source>
        <translation>No tickets yet</translation>
    </message>
    <message>
        <source>当前无未处置告警</source>
        <translation>No open alarms</translation>
    </message>
    <message>
        <source>一级网格</source>
        <translation>Level-1 grids</translation>
    </message>
    <message>
        <source>二级网格</source>
        <translation>Level-2 grids</translation>
    </message>
    <message>
        <source>三级网格</source>
        <translation>Level-3 grids</translation>
    </message>
    <message>
        <source>微网格</source>
        <translation>Micro-grids</translation>
    </message>
    <message>
        <source>网格长与网格员</source>
        <translation>Grid leaders and workers</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Buildings</translation>
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
        <source>今日受理</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今日办结</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <source>响应率</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>解决率</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>紧急呼叫</source>
        <translation>SOS call</translation>
    </message>
    <message>
        <source>烟雾报警</source>
        <translation>Smoke</translation>
    </message>
    <message>
        <source>燃气泄漏</source>
        <translation>Gas leak</translation>
    </message>
    <message>
        <source>水浸报警</source>
        <translation>Water leak</translation>
    </message>
    <message>
        <source>夜间开门</source>
        <translation>Door opened at night</translation>
    </message>
    <message>
        <source>长时间无活动</source>
        <translation>No activity for long</translation>
    </message>
    <message>
        <source>传感器电量低</source>
        <translation>Sensor battery low</translation>
    </message>
    <message>
        <source>传感器无信号</source>
        <translation>Sensor silent</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch-list person</translation>
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
    <name>HealthCharts</name>
    <message>
        <source>确认用时中位数</source>
        <translation>Median time to acknowledge</translation>
    </message>
    <message>
        <source>确认用时90分位</source>
        <translation>90th percentile time to acknowledge</translation>
    </message>
    <message>
        <source>电量低</source>
        <translation>Battery low</translation>
    </message>
    <message>
        <source>无信号</source>
        <translation>Silent</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>超过 24 小时</source>
        <translation>over 24 hours</translation>
    </message>
    <message>
        <source>{n} 分钟</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>摄像机在线率 %</source>
        <translation>Cameras available %</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>90分位</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>摄像机在线率</source>
        <translation>Cameras available</translation>
    </message>
    <message>
        <source>传感器</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <source>每日告警（按类型，点击某日查看明细）</source>
        <translation>Alarms per day by kind (click a day for its list)</translation>
    </message>
    <message>
        <source>确认用时（分钟，中位数 / 90分位）</source>
        <translation>Time to acknowledge (minutes, median / 90th percentile)</translation>
    </message>
    <message>
        <source>摄像机在线率（%）</source>
        <translation>Camera availability (%)</translation>
    </message>
    <message>
        <source>传感器健康（个）</source>
        <translation>Sensor health (sensors)</translation>
    </message>
    <message>
        <source>{day} 的告警</source>
        <translation>Alarms of {day}</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>确认用时</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
</context>
</TS>
