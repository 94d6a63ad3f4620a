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
<context>
    <name>SensorSettings</name>
    <message>
        <source>433 MHz: 6 位十六进制, 如 A1B2C3; Zigbee: 设备名</source>
        <translation>433 MHz: six hex digits, e.g. A1B2C3; Zigbee: the device name</translation>
    </message>
    <message>
        <source>传感器设置</source>
        <translation>Sensor settings</translation>
    </message>
    <message>
        <source>住户地址</source>
        <translation>Household address</translation>
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
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除传感器</source>
        <translation>Delete sensor</translation>
    </message>
    <message>
        <source>删除传感器 %1 (%2)? 它报过的告警保留。</source>
        <translation>Delete sensor %1 (%2)? The alarms it raised are kept.</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>如 幸福路1号3号楼1单元101室; 输入房号或姓名可选择</source>
        <translation>e.g. building 3, unit 1, room 101; type a room or a name to choose</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存, 待绑定: %1 尚无住户, 登记该户后自动绑定</source>
        <translation>Saved, waiting: no household lives at %1 yet; it is bound when the household is added</translation>
    </message>
    <message>
        <source>已收到但未绑定的编码 (按下传感器按钮后出现在这里)</source>
        <translation>Codes heard but not bound (press a sensor's button and it appears here)</translation>
    </message>
    <message>
        <source>已绑定</source>
        <translation>Bound</translation>
    </message>
    <message>
        <source>待绑定: 住户地址尚无住户</source>
        <translation>Waiting: no household at this address yet</translation>
    </message>
    <message>
        <source>待绑定</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>新传感器</source>
        <translation>New sensor</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>未绑定住户</source>
        <translation>Not bound to a household</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>留空则用类型名称</source>
        <translation>Empty: the kind's name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>绑定到住户…</source>
        <translation>Bind to household…</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>该地址尚无住户时传感器保存为待绑定, 在花名册中登记该户后自动绑定; 待绑定的传感器报警时报出此地址。</source>
        <translation>If no household lives at the address yet, the sensor is saved as waiting and bound once the household is entered in the roster; a waiting sensor's alarms name this address.</translation>
    </message>
    <message>
        <source>请选择类型并填写住户地址, 然后保存</source>
        <translation>Choose the kind, enter the household's address, then save</translation>
    </message>
    <message>
        <source>最近信号</source>
        <translation>Last heard</translation>
    </message>
    <message>
        <source>电量</source>
        <translation>Battery</translation>
    </message>
    <message>
        <source>接收器</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>最近收到</source>
        <translation>Last heard</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>紧急呼叫按钮</source>
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
        <source>烟雾探测器</source>
        <translation>Smoke detector</translation>
    </message>
    <message>
        <source>燃气探测器</source>
        <translation>Gas detector</translation>
    </message>
    <message>
        <source>水浸探测器</source>
        <translation>Water leak detector</translation>
    </message>
    <message>
        <source>床垫传感器</source>
        <translation>Bed mat sensor</translation>
    </message>
</context>
</TS>
