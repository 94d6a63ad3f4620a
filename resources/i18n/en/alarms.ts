<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlarmPopup</name>
    <message>
        <source>三级网格</source>
        <translation>level 3 grid</translation>
    </message>
    <message>
        <source>二级网格</source>
        <translation>level 2 grid</translation>
    </message>
    <message>
        <source>一级网格</source>
        <translation>level 1 grid</translation>
    </message>
    <message>
        <source>县级领导</source>
        <translation>county leader</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>派单备注（可选）：</source>
        <translation>Note for the ticket (optional):</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>告警“%1”将上报值班长和社区（二级网格）网格长，并标记为已上报。</source>
        <translation>Alarm “%1” will be handed up to the supervisor and the community (level 2) grid leader and marked as escalated.</translation>
    </message>
    <message>
        <source>上报原因（必填）：</source>
        <translation>Why it is escalated (required):</translation>
    </message>
    <message>
        <source>误报</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>告警“%1”将关闭为误报：不再提醒，也不会转为工单。原因记入告警记录。</source>
        <translation>Alarm “%1” will be closed as a false alarm: it stops ringing and becomes no ticket. The reason goes into the alarm's record.</translation>
    </message>
    <message>
        <source>标记误报</source>
        <translation>Mark as false alarm</translation>
    </message>
    <message>
        <source>误报原因（必填）：</source>
        <translation>Why it is a false alarm (required):</translation>
    </message>
    <message>
        <source>告警“%1”将转为工单：</source>
        <translation>Alarm “%1” will become a ticket:</translation>
    </message>
    <message>
        <source>分类：%1（%2）</source>
        <translation>Category: %1 (%2)</translation>
    </message>
    <message>
        <source>此处已有同类未办结工单 #%1，本告警将并入该工单。</source>
        <translation>An open ticket of the same category exists here (#%1): the alarm joins it.</translation>
    </message>
    <message>
        <source>位置不在任何网格内，将转指挥中心人工派遣。</source>
        <translation>The place lies in no grid: the command centre will dispatch it by hand.</translation>
    </message>
    <message>
        <source>派往：%1（%2），承办人 %3</source>
        <translation>Dispatched to: %1 (%2), handled by %3</translation>
    </message>
    <message>
        <source>全天候计时</source>
        <translation>round the clock</translation>
    </message>
    <message>
        <source>按工作时间计</source>
        <translation>in working time</translation>
    </message>
    <message>
        <source>时限：%1（%2）</source>
        <translation>Time limit: %1 (%2)</translation>
    </message>
    <message>
        <source>告警随即标记为已处置（转工单）。</source>
        <translation>The alarm is then marked handled (became a ticket).</translation>
    </message>
    <message>
        <source>回放(&amp;P)</source>
        <translation>&amp;Play back</translation>
    </message>
    <message>
        <source>告警前 15 秒到告警后 30 秒的录像（附近摄像机）</source>
        <translation>The video from 15 s before the alarm to 30 s after it (nearby cameras)</translation>
    </message>
    <message>
        <source>关怀规则(&amp;R)</source>
        <translation>Care &amp;rules</translation>
    </message>
    <message>
        <source>该户的老人关怀规则：无活动时长、外出模式、夜间开门提醒…</source>
        <translation>This household's elderly-care rules: inactivity time, away mode, door at night…</translation>
    </message>
    <message>
        <source>无法读取关怀规则：</source>
        <translation>Cannot read the care rules: </translation>
    </message>
    <message>
        <source>确认(&amp;A)</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>派单(&amp;D)</source>
        <translation>&amp;Dispatch</translation>
    </message>
    <message>
        <source>误报(&amp;F)</source>
        <translation>&amp;False alarm</translation>
    </message>
    <message>
        <source>上报(&amp;E)</source>
        <translation>&amp;Escalate</translation>
    </message>
    <message>
        <source>地图定位(&amp;M)</source>
        <translation>Show on &amp;map</translation>
    </message>
    <message>
        <source>附近摄像头(&amp;C)</source>
        <translation>Nearest &amp;camera</translation>
    </message>
    <message>
        <source>收起(&amp;H)</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>处置说明（回车确认）</source>
        <translation>Note (Enter acknowledges)</translation>
    </message>
    <message>
        <source>告警 %1 条，其中 %2 条待确认</source>
        <translation>%1 alarms, %2 not acknowledged</translation>
    </message>
    <message>
        <source>告警 — %1 条待确认</source>
        <translation>Alarms — %1 not acknowledged</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>操作失败：</source>
        <translation>Action failed: </translation>
    </message>
</context>
<context>
    <name>HouseholdCardView</name>
    <message>
        <source>%1岁</source>
        <translation>%1 yrs</translation>
    </message>
    <message>
        <source>健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>无住户信息</source>
        <translation>No household on record</translation>
    </message>
    <message>
        <source>无登记人员</source>
        <translation>No residents registered</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>网格链</source>
        <translation>Grid chain</translation>
    </message>
    <message>
        <source>联户党员</source>
        <translation>Paired party member</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>转工单</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>误报</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>AlarmListPanel</name>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <source>告警弹窗</source>
        <translation>Alarm popup</translation>
    </message>
    <message>
        <source>学习传感器</source>
        <translation>Learn sensor</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>搜索告警、传感器、处理人</source>
        <translation>Search alarms, sensors, operators</translation>
    </message>
    <message>
        <source>未处置</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>告警产生</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>转工单</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>误报</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>LearnDialog</name>
    <message>
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>关门编码</source>
        <translation>Closed code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>学习传感器</source>
        <translation>Learn sensor</translation>
    </message>
    <message>
        <source>已绑定 %1 到 %2</source>
        <translation>Bound %1 to %2</translation>
    </message>
    <message>
        <source>已绑定：</source>
        <translation>Bound: </translation>
    </message>
    <message>
        <source>新编码</source>
        <translation>new code</translation>
    </message>
    <message>
        <source>未绑定</source>
        <translation>not bound</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>绑定(&amp;B)</source>
        <translation>&amp;Bind</translation>
    </message>
    <message>
        <source>请先选择编码和住户</source>
        <translation>Choose a code and a household first</translation>
    </message>
    <message>
        <source>请按下传感器按钮或触发传感器，听到的编码会出现在下面：</source>
        <translation>Press the sensor's button or trigger it; the codes heard appear below:</translation>
    </message>
    <message>
        <source>输入地址、房号或住户姓名</source>
        <translation>Address, room or resident's name</translation>
    </message>
    <message>
        <source>门磁关门编码（可选，6位十六进制）</source>
        <translation>Door contact's closed code (optional, 6 hex digits)</translation>
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
        <translation>Bed mat</translation>
    </message>
</context>
<context>
    <name>WallAlert</name>
    <message>
        <source>确认告警（需值班长密码）</source>
        <translation>Acknowledge (supervisor PIN)</translation>
    </message>
    <message>
        <source>值班长密码</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>告警在任一值班席确认后，此提示自动消失</source>
        <translation>Acknowledged at any operator seat, this alert goes away by itself</translation>
    </message>
    <message>
        <source>一级告警</source>
        <translation>PRIORITY 1 ALARM</translation>
    </message>
    <message>
        <source>二级告警</source>
        <translation>PRIORITY 2 ALARM</translation>
    </message>
    <message>
        <source>显示的告警已变更，请看清后重新输入密码</source>
        <translation>The alarm on screen has changed: read it, then enter the PIN again</translation>
    </message>
    <message>
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>Too many wrong PINs: try again in %1 s</translation>
    </message>
    <message>
        <source>密码错误，告警未确认</source>
        <translation>Wrong PIN: the alarm is not acknowledged</translation>
    </message>
    <message>
        <source>确认失败：</source>
        <translation>Cannot acknowledge: </translation>
    </message>
</context>
<context>
    <name>WallAlarmCard</name>
    <message>
        <source>已过去 %1</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>报警时间 %1</source>
        <translation>Raised %1</translation>
    </message>
    <message>
        <source>经纬度 %1, %2</source>
        <translation>Lon/lat %1, %2</translation>
    </message>
    <message>
        <source>位置未知</source>
        <translation>Location unknown</translation>
    </message>
    <message>
        <source>没有其他待确认的告警</source>
        <translation>No other alarm is waiting</translation>
    </message>
    <message>
        <source>另有 %1 条告警等待确认</source>
        <translation>%1 more waiting to be acknowledged</translation>
    </message>
    <message>
        <source>……及其他 %1 条</source>
        <translation>…and %1 more</translation>
    </message>
    <message>
        <source>%1小时%2分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1分%2秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>紧急呼叫</source>
        <translation>Emergency call</translation>
    </message>
    <message>
        <source>烟雾报警</source>
        <translation>Smoke alarm</translation>
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
        <translation>No activity for a long time</translation>
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
    <message>
        <source>传感器</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>关怀规则</source>
        <translation>Care rule</translation>
    </message>
    <message>
        <source>视频AI</source>
        <translation>Video AI</translation>
    </message>
    <message>
        <source>人工上报</source>
        <translation>Reported by staff</translation>
    </message>
</context>
<context>
    <name>AlarmLiveView</name>
    <message>
        <source>附近没有摄像机</source>
        <translation>No camera nearby</translation>
    </message>
    <message>
        <source>告警摄像机：%1</source>
        <translation>Alarm camera: %1</translation>
    </message>
    <message>
        <source>最近的摄像机：%1（约 %2 米）</source>
        <translation>Nearest camera: %1 (about %2 m)</translation>
    </message>
    <message>
        <source>双击画面在视频墙上放大</source>
        <translation>Double-click to open it large on the wall</translation>
    </message>
</context>
<context>
    <name>CareRulesDialog</name>
    <message>
        <source>老人关怀规则</source>
        <translation>Elderly-care rules</translation>
    </message>
    <message>
        <source>长时间无活动时提醒</source>
        <translation>Alarm when there is no activity for a long time</translation>
    </message>
    <message>
        <source>外出模式（住院、探亲等，暂停无活动提醒）</source>
        <translation>Away mode (in hospital, visiting family…: inactivity alarms paused)</translation>
    </message>
    <message>
        <source>夜间开门提醒（走失风险）</source>
        <translation>Alarm when the door opens at night (risk of wandering)</translation>
    </message>
    <message>
        <source>无活动时长</source>
        <translation>No activity for</translation>
    </message>
    <message>
        <source>活动时段</source>
        <translation>Active hours</translation>
    </message>
    <message>
        <source>夜间时段</source>
        <translation>Night hours</translation>
    </message>
    <message>
        <source>传感器静默提醒</source>
        <translation>Sensor silent for</translation>
    </message>
    <message>
        <source>低电量提醒</source>
        <translation>Low battery below</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <source>保存失败：</source>
        <translation>Saving failed: </translation>
    </message>
</context>
<context>
    <name>HouseholdCardView</name>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
</context>
</TS>
