<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Panels</name>
    <message>
        <source>视频墙</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <source>网格地图</source>
        <translation>Grid map</translation>
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
        <source>AI识别</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>居民花名册</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>功能建设中</source>
        <translation>Being built</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>网格指挥中心：社区网格化治理的桌面指挥平台。</source>
        <translation>Grid Command Centre: the desktop command centre for community grid governance.</translation>
    </message>
    <message>
        <source>数据库位置：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>功能</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>无法连接：%1</source>
        <translation>Cannot connect: %1</translation>
    </message>
    <message>
        <source>未安装</source>
        <translation>not installed</translation>
    </message>
    <message>
        <source>用户手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>摄像机…</source>
        <translation>Cameras…</translation>
    </message>
    <message>
        <source>传感器…</source>
        <translation>Sensors…</translation>
    </message>
    <message>
        <source>网格指挥中心</source>
        <translation>Grid Command Centre</translation>
    </message>
    <message>
        <source>指挥中心</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <source>恢复默认布局</source>
        <translation>Restore default layout</translation>
    </message>
    <message>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>设置值班长密码…</source>
        <translation>Set supervisor PIN…</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>关于网格指挥中心</source>
        <translation>About Grid Command Centre</translation>
    </message>
    <message>
        <source>{panel}无法加载</source>
        <translation>{panel} could not be loaded</translation>
    </message>
    <message>
        <source>正在生成演示站点（首次启动约需 20 秒）…</source>
        <translation>Building the demo site (about 20 s on the first start)…</translation>
    </message>
    <message>
        <source>浮动/停靠</source>
        <translation>Float / dock</translation>
    </message>
    <message>
        <source>关闭（可从“视图”菜单重新打开）</source>
        <translation>Close (reopen it from the View menu)</translation>
    </message>
</context>
<context>
    <name>SiteStatus</name>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>连接失败</source>
        <translation>connection failed</translation>
    </message>
    <message>
        <source>调度 未启动</source>
        <translation>Scheduler not started</translation>
    </message>
    <message>
        <source>摄像机 在线 {live}/{total}</source>
        <translation>Cameras online {live}/{total}</translation>
    </message>
    <message>
        <source>接收器 0</source>
        <translation>Receivers 0</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>显示完整信息</source>
        <translation>Show in full</translation>
    </message>
    <message>
        <source>查看完整个人信息的理由（记入审计日志）：</source>
        <translation>Why the personal data is needed in full (recorded in the audit log):</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>查询失败：{error}</source>
        <translation>Search failed: {error}</translation>
    </message>
    <message>
        <source>户卡读取失败：{error}</source>
        <translation>Could not read the household card: {error}</translation>
    </message>
    <message>
        <source>搜索 姓名 / 电话 / 地址 / 身份证后4位</source>
        <translation>Search name / phone / address / last 4 of ID</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>独居老人</source>
        <translation>Elderly alone</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Key person</translation>
    </message>
    <message>
        <source>低保户</source>
        <translation>Low income</translation>
    </message>
    <message>
        <source>退役军人</source>
        <translation>Veteran</translation>
    </message>
    <message>
        <source>未成年人</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>流动人口</source>
        <translation>Floating</translation>
    </message>
</context>
<context>
    <name>HouseholdCard</name>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>选择一位居民，查看其家庭信息</source>
        <translation>Select a resident to see their household</translation>
    </message>
    <message>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>家庭成员（{n}人）</source>
        <translation>Household members ({n})</translation>
    </message>
    <message>
        <source>{n}岁</source>
        <translation>{n} yrs</translation>
    </message>
    <message>
        <source>暂无登记人员</source>
        <translation>No one registered</translation>
    </message>
    <message>
        <source>联户党员</source>
        <translation>Paired party member</translation>
    </message>
    <message>
        <source>尚未结对</source>
        <translation>Not paired yet</translation>
    </message>
    <message>
        <source>网格责任链</source>
        <translation>Grid chain</translation>
    </message>
    <message>
        <source>未配置责任人</source>
        <translation>No one assigned</translation>
    </message>
    <message>
        <source>楼栋未划入网格</source>
        <translation>Building not in a grid</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>近期走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <source>已显示完整信息（已记入审计日志）</source>
        <translation>Shown in full (recorded in the audit log)</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>显示身份证号、电话与健康状况全文，此操作记入审计日志</source>
        <translation>Show ID numbers, phones and health notes in full; this is recorded in the audit log</translation>
    </message>
</context>
<context>
    <name>Residence</name>
    <message>
        <source>常住</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>租住</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>户在人不在</source>
        <translation>Registered only</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>户主</source>
        <translation>Head</translation>
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
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Roles</name>
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
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>社区民警</source>
        <translation>Community police</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>楼栋长</source>
        <translation>Building head</translation>
    </message>
    <message>
        <source>微网格员</source>
        <translation>Micro-grid worker</translation>
    </message>
</context>
<context>
    <name>Grid</name>
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
</context>
<context>
    <name>Stats</name>
    <message>
        <source>未办结工单</source>
        <translation>Open tickets</translation>
    </message>
    <message>
        <source>未处置告警</source>
        <translation>Open alarms</translation>
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
        <translation>Grid staff</translation>
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
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>独居老人</source>
        <translation>Elderly alone</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>低保户</source>
        <translation>Low income</translation>
    </message>
    <message>
        <source>摄像机</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>AI摄像机</source>
        <translation>AI cameras</translation>
    </message>
    <message>
        <source>传感器</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近90天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>全域</source>
        <translation>Whole site</translation>
    </message>
    <message>
        <source>每日工单（灰底为休息日）</source>
        <translation>Tickets per day (rest days shaded)</translation>
    </message>
    <message>
        <source>三率趋势（按受理日）</source>
        <translation>The three rates (by day received)</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>rest day</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>退出值守模式</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>请输入值班长密码以退出值守模式</source>
        <translation>Enter the supervisor PIN to leave kiosk mode</translation>
    </message>
    <message>
        <source>值班长密码</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>错误次数过多，请 {n} 秒后再试</source>
        <translation>Too many wrong PINs: try again in {n} s</translation>
    </message>
    <message>
        <source>密码错误，无法退出</source>
        <translation>Wrong PIN: kiosk mode stays on</translation>
    </message>
    <message>
        <source>设置值班长密码</source>
        <translation>Set supervisor PIN</translation>
    </message>
    <message>
        <source>当前密码</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>Repeat new PIN</translation>
    </message>
    <message>
        <source>当前密码错误</source>
        <translation>The current PIN is wrong</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致</source>
        <translation>The two new PINs differ</translation>
    </message>
    <message>
        <source>密码须为至少4位数字</source>
        <translation>The PIN must be at least 4 digits</translation>
    </message>
    <message>
        <source>网格指挥中心 · 值守模式</source>
        <translation>Grid Command Centre · Kiosk</translation>
    </message>
</context>
<context>
    <name>SiteBackup</name>
    <message>
        <source>备份…</source>
        <translation>Back Up…</translation>
    </message>
    <message>
        <source>把整个站点备份到一个文件（站点照常运行）</source>
        <translation>Back up the whole site to one file (the site keeps running)</translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>用备份文件替换当前站点的全部数据</source>
        <translation>Replace all of this site's data with a backup</translation>
    </message>
    <message>
        <source>备份站点</source>
        <translation>Back Up the Site</translation>
    </message>
    <message>
        <source>站点备份</source>
        <translation>Site backups</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>正在备份站点…</source>
        <translation>Backing up the site…</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>站点已备份到：</source>
        <translation>The site was backed up to:</translation>
    </message>
    <message>
        <source>大小：</source>
        <translation>Size: </translation>
    </message>
    <message>
        <source>内容：</source>
        <translation>Holds: </translation>
    </message>
    <message>
        <source>网格</source>
        <translation>grids</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>residents</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>tickets</translation>
    </message>
    <message>
        <source>摄像机</source>
        <translation>cameras</translation>
    </message>
    <message>
        <source>恢复站点</source>
        <translation>Restore the Site</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>将用这份备份替换当前站点的全部数据：</source>
        <translation>This backup will replace all of the current site's data:</translation>
    </message>
    <message>
        <source>备份时间：</source>
        <translation>Backed up: </translation>
    </message>
    <message>
        <source>来源：</source>
        <translation>From: </translation>
    </message>
    <message>
        <source>当前数据库会先另存一份（.before-restore）。恢复后本窗口、其他席位和 serve 服务都会在恢复的站点上重新启动。</source>
        <translation>The current database is first kept aside (.before-restore). After the restore this window, the other seats and the serve service start again on the restored site.</translation>
    </message>
    <message>
        <source>站点已由其他席位或命令从备份恢复</source>
        <translation>The site was restored from a backup by another seat or a command</translation>
    </message>
    <message>
        <source>，窗口正在重新启动…</source>
        <translation>; the window is starting again…</translation>
    </message>
    <message>
        <source>站点已恢复</source>
        <translation>Site restored</translation>
    </message>
    <message>
        <source>确定恢复吗？</source>
        <translation>Restore it?</translation>
    </message>
    <message>
        <source>PostgreSQL 站点只能恢复到一个新建的空数据库，不会覆盖正在使用的数据库。</source>
        <translation>A PostgreSQL site is restored only into a new, empty database, never over the database in use.</translation>
    </message>
    <message>
        <source>请在服务器上新建数据库（如 createdb 新库名），然后运行：</source>
        <translation>Create a database on the server (e.g. createdb NEWNAME), then run:</translation>
    </message>
    <message>
        <source>再让各席位连接新库。</source>
        <translation>Then point every seat at the new database.</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <source>站点已从备份恢复。</source>
        <translation>The site was restored from the backup.</translation>
    </message>
    <message>
        <source>之前的数据库保留为：</source>
        <translation>The previous database is kept as:</translation>
    </message>
    <message>
        <source>窗口将重新启动。</source>
        <translation>The window will now start again.</translation>
    </message>
    <message>
        <source>窗口将关闭，请重新打开。</source>
        <translation>The window will now close: please open it again.</translation>
    </message>
    <message>
        <source>操作失败，站点数据未改动</source>
        <translation>Failed: the site's data is unchanged</translation>
    </message>
</context>
<context>
    <name>RosterEdit</name>
    <message>
        <source>迁往其他住户</source>
        <translation>Move to another household</translation>
    </message>
    <message>
        <source>迁往其他住户…</source>
        <translation>Move to another household…</translation>
    </message>
    <message>
        <source>输入地址或住户成员姓名</source>
        <translation>Address or a member's name</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>查找住户</source>
        <translation>Find household</translation>
    </message>
    <message>
        <source>迁入住户</source>
        <translation>Move into</translation>
    </message>
    <message>
        <source>请先查找并选择要迁入的住户</source>
        <translation>Find and choose the household to move into first</translation>
    </message>
    <message>
        <source>18 位身份证号</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>如 1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <source>如 101</source>
        <translation>e.g. 101</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>居住类型</source>
        <translation>Residence</translation>
    </message>
    <message>
        <source>已迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>手机或 区号-号码</source>
        <translation>Mobile or area code-number</translation>
    </message>
    <message>
        <source>操作失败：{error}</source>
        <translation>Failed: {error}</translation>
    </message>
    <message>
        <source>数据库暂时无法写入, 已录入的内容保留, 请稍后再保存</source>
        <translation>The database cannot be written just now; what you entered is kept, save again shortly</translation>
    </message>
    <message>
        <source>新增住户</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>新增居民</source>
        <translation>Add resident</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>确定将 {address} 整户 (含全部居民) 从花名册迁出？</source>
        <translation>Move the whole household at {address} (all its residents) off the roster?</translation>
    </message>
    <message>
        <source>确定将 {name} 从花名册迁出？</source>
        <translation>Move {name} off the roster?</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>紧急联系电话</source>
        <translation>Emergency phone</translation>
    </message>
    <message>
        <source>编辑住户</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <source>编辑居民</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>该住户已不存在</source>
        <translation>That household no longer exists</translation>
    </message>
    <message>
        <source>该居民已不存在</source>
        <translation>That resident no longer exists</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>迁出</source>
        <translation>Move out</translation>
    </message>
    <message>
        <source>迁出整户</source>
        <translation>Move out the household</translation>
    </message>
    <message>
        <source>迁出该居民</source>
        <translation>Move out this resident</translation>
    </message>
    <message>
        <source>（留空不变）</source>
        <translation> (leave empty to keep)</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>删除已登记的号码（保存后生效，记入审计）</source>
        <translation>Remove the stored number (when saved; audited)</translation>
    </message>
    <message>
        <source>保存后将删除已登记的号码</source>
        <translation>The stored number will be removed when saved</translation>
    </message>
    <message>
        <source>缺少身份证号</source>
        <translation>ID number missing</translation>
    </message>
    <message>
        <source>缺少姓名</source>
        <translation>Name missing</translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message>
        <source>花名册有误</source>
        <translation>Roster has errors</translation>
    </message>
    <message>
        <source>{n} 行有误, 未导入任何数据。请修正后重新导入，或只导入无误的行。</source>
        <translation>{n} rows have errors; nothing was imported. Fix them and import again, or import only the rows without errors.</translation>
    </message>
    <message>
        <source>只导入无误的行</source>
        <translation>Import only the rows without errors</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>从 Excel 或 CSV 导入居民（先检查每一行，有误则不写入）</source>
        <translation>Import residents from Excel or CSV (every row is checked first; nothing is written while any is wrong)</translation>
    </message>
    <message>
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <source>把全部居民导出为 Excel 或 CSV（默认脱敏；完整号码须说明理由）</source>
        <translation>Export every resident to Excel or CSV (masked by default; full numbers need a reason)</translation>
    </message>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>正在检查花名册…</source>
        <translation>Checking the roster…</translation>
    </message>
    <message>
        <source>已导入 {n} 名居民, 新建 {h} 户</source>
        <translation>Imported {n} residents, {h} new households</translation>
    </message>
    <message>
        <source>；{n} 个待绑定的传感器已绑定</source>
        <translation>; {n} waiting sensors bound</translation>
    </message>
    <message>
        <source>；跳过有误的 {n} 行</source>
        <translation>; skipped {n} rows with errors</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import done</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>文件中没有可导入的居民</source>
        <translation>The file holds no residents to import</translation>
    </message>
    <message>
        <source>默认导出脱敏的花名册。完整身份证号、电话与健康状况（可再次导入）须说明理由，并记入审计日志。</source>
        <translation>By default the roster is exported masked. Full ID numbers, phones and health notes (a file that imports again) need a reason and are recorded in the audit log.</translation>
    </message>
    <message>
        <source>导出脱敏花名册</source>
        <translation>Export masked roster</translation>
    </message>
    <message>
        <source>导出完整信息…</source>
        <translation>Export in full…</translation>
    </message>
    <message>
        <source>完整导出</source>
        <translation>Full export</translation>
    </message>
    <message>
        <source>导出完整个人信息的理由：</source>
        <translation>Why the personal data is needed in full:</translation>
    </message>
    <message>
        <source>不能导出完整信息</source>
        <translation>Cannot export in full</translation>
    </message>
    <message>
        <source>导出花名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <source>已导出 {n} 名居民 ({h} 户) 到 {path}</source>
        <translation>Exported {n} residents ({h} households) to {path}</translation>
    </message>
    <message>
        <source>；{n} 个控制字符已替换为 �</source>
        <translation>; {n} control characters replaced by �</translation>
    </message>
    <message>
        <source>操作失败</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>SiteBookFiles</name>
    <message>
        <source>保存站点工作簿模板</source>
        <translation>Save the site workbook template</translation>
    </message>
    <message>
        <source>导出站点工作簿</source>
        <translation>Export the site workbook</translation>
    </message>
    <message>
        <source>已保存模板到 {path}</source>
        <translation>Template saved to {path}</translation>
    </message>
    <message>
        <source>已导出站点工作簿到 {path}：{counts}</source>
        <translation>Site workbook exported to {path}: {counts}</translation>
    </message>
    <message>
        <source>把楼栋、人员与职责、摄像机、传感器导出为可再次导入的 Excel</source>
        <translation>Buildings, people and duties, cameras and sensors as an Excel file that imports again</translation>
    </message>
    <message>
        <source>操作失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>空白的站点工作簿：四张表的表头、下拉选项和填写说明</source>
        <translation>An empty site workbook: the four sheets' headers, drop-downs and instructions</translation>
    </message>
    <message>
        <source>站点工作簿</source>
        <translation>Site workbook</translation>
    </message>
    <message>
        <source>站点工作簿…</source>
        <translation>Site workbook…</translation>
    </message>
    <message>
        <source>站点工作簿模板…</source>
        <translation>Site workbook template…</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>操作人或席位</source>
        <translation>person or seat</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>校验审计链</source>
        <translation>Check the chain</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>席位</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>共 {n} 条（最新的在前）</source>
        <translation>{n} entries (newest first)</translation>
    </message>
    <message>
        <source>正在校验审计链…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message>
        <source>审计链完整：{n} 条，链头 {hash}</source>
        <translation>Chain intact: {n} entries, head {hash}</translation>
    </message>
    <message>
        <source>审计链已断：</source>
        <translation>Chain BROKEN: </translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>已导出 {n} 条（导出已记入审计日志）</source>
        <translation>Exported {n} entries (the export is recorded in the audit log)</translation>
    </message>
    <message>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <source>本席位无权查看审计日志（需要 audit.view 权限）</source>
        <translation>This seat may not view the audit log (it needs the audit.view permission)</translation>
    </message>
</context>
<context>
    <name>HouseholdCard</name>
    <message>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>登记一次入户走访；走访发现可直接转为工单</source>
        <translation>Record a home visit; a finding can become a ticket at once</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>  → 工单 {id}</source>
        <translation>  → ticket {id}</translation>
    </message>
    <message>
        <source>不转工单</source>
        <translation>No ticket</translation>
    </message>
    <message>
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>What was found</translation>
    </message>
    <message>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <source>添加发现</source>
        <translation>Add a finding</translation>
    </message>
    <message>
        <source>登记走访</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <source>见{n}人</source>
        <translation>met {n}</translation>
    </message>
    <message>
        <source>见到人数</source>
        <translation>People met</translation>
    </message>
    <message>
        <source>请选择走访人（设置 → 人员与职责 中登记）</source>
        <translation>Choose the visitor (people are registered in Settings → People and duties)</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>走访发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>走访已登记</source>
        <translation>Visit recorded</translation>
    </message>
    <message>
        <source>走访情况</source>
        <translation>How the visit went</translation>
    </message>
    <message>
        <source>走访时间</source>
        <translation>Visited at</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>走访读取失败：{error}</source>
        <translation>Could not read the visits: {error}</translation>
    </message>
    <message>
        <source>矛盾纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>困难求助</source>
        <translation>Hardship / help</translation>
    </message>
    <message>
        <source>政策咨询</source>
        <translation>Policy question</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>本月走访户数</source>
        <translation>Households visited this month</translation>
    </message>
    <message>
        <source>本月走访人次</source>
        <translation>People reached this month</translation>
    </message>
    <message>
        <source>本月发现问题</source>
        <translation>Problems found this month</translation>
    </message>
    <message>
        <source>本月问题转工单</source>
        <translation>Findings turned into tickets</translation>
    </message>
    <message>
        <source>本月办结工单</source>
        <translation>Tickets solved this month</translation>
    </message>
    <message>
        <source>本月网格会议</source>
        <translation>Grid meetings this month</translation>
    </message>
    <message>
        <source>本月议事表决</source>
        <translation>Votes held this month</translation>
    </message>
    <message>
        <source>本月志愿服务时长</source>
        <translation>Volunteer hours this month</translation>
    </message>
</context>
</TS>
