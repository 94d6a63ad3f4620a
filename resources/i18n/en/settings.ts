<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CameraSettings</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>主码流地址</source>
        <translation>Main stream URL</translation>
    </message>
    <message>
        <source>子码流地址</source>
        <translation>Sub-stream URL</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>传输方式</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>经度 / 纬度</source>
        <translation>Longitude / latitude</translation>
    </message>
    <message>
        <source>朝向 (度)</source>
        <translation>Bearing (°)</translation>
    </message>
    <message>
        <source>智能分析</source>
        <translation>AI analysis</translation>
    </message>
    <message>
        <source>清除已保存的密码</source>
        <translation>Clear the stored password</translation>
    </message>
    <message>
        <source>启用 (人脸、区域、口罩)</source>
        <translation>On (faces, zones, masks)</translation>
    </message>
    <message>
        <source>经度 (留空用网格中心)</source>
        <translation>Longitude (empty: the grid's centre)</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>0-360, 正北为 0</source>
        <translation>0-360, north is 0</translation>
    </message>
    <message>
        <source>ONVIF 读取码流地址 (使用上面的用户名和密码)</source>
        <translation>Read stream URLs over ONVIF (with the user name and password above)</translation>
    </message>
    <message>
        <source>读取</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>测试主码流</source>
        <translation>Test main stream</translation>
    </message>
    <message>
        <source>无画面</source>
        <translation>No picture</translation>
    </message>
    <message>
        <source>(已保存, 留空不变)</source>
        <translation>(stored; leave empty to keep)</translation>
    </message>
    <message>
        <source>无密码</source>
        <translation>No password</translation>
    </message>
    <message>
        <source>摄像机设置</source>
        <translation>Camera settings</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>经纬度和朝向应为数字</source>
        <translation>Longitude, latitude and bearing must be numbers</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>删除摄像机</source>
        <translation>Delete camera</translation>
    </message>
    <message>
        <source>删除摄像机 '%1'? 其智能分析区域一并删除, 历史告警保留。</source>
        <translation>Delete camera '%1'? Its AI zones are deleted with it; past alarms are kept.</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接成功: 编码 %1, 分辨率 %2x%3, 帧率 %4 fps (用时 %5 秒)</source>
        <translation>Connected: codec %1, size %2x%3, %4 fps (took %5 s)</translation>
    </message>
    <message>
        <source>连接失败: %1</source>
        <translation>Connection failed: %1</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读到 %1 个码流, 已填入主/子码流地址:</source>
        <translation>Read %1 streams; the main and sub-stream URLs are filled in:</translation>
    </message>
</context>
</TS>
