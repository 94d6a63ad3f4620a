<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>GridWork</name>
    <message>
        <source>  → 工单 {id}</source>
        <translation>  → ticket {id}</translation>
    </message>
    <message>
        <source>  → 表决 {id}</source>
        <translation>  → vote {id}</translation>
    </message>
    <message>
        <source> 天未访</source>
        <translation> days unvisited</translation>
    </message>
    <message>
        <source>{n}天未走访户数</source>
        <translation>Households not visited in {n} days</translation>
    </message>
    <message>
        <source>{voter} 已有一张选票。录入这一张将替换前一张，两次录入都记入审计日志。</source>
        <translation>{voter} already has a ballot. Entering this one replaces the earlier one; both entries are kept in the audit log.</translation>
    </message>
    <message>
        <source>三分之二以上</source>
        <translation>Two-thirds or more</translation>
    </message>
    <message>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>两委会</source>
        <translation>Two committees' meeting</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>人员：</source>
        <translation>Person: </translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>仅记录</source>
        <translation>Record only</translation>
    </message>
    <message>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>付诸表决（7天）</source>
        <translation>Put to a vote (7 days)</translation>
    </message>
    <message>
        <source>任命</source>
        <translation>Appoint </translation>
    </message>
    <message>
        <source>任命…</source>
        <translation>Appoint…</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>会议…</source>
        <translation>Meetings…</translation>
    </message>
    <message>
        <source>会议已登记</source>
        <translation>Meeting recorded</translation>
    </message>
    <message>
        <source>会议纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>作废后该记录仍保留并标明已作废，不再计入统计和走访计划；由此转出的工单不受影响。</source>
        <translation>A voided visit stays on the list marked as void and no longer counts in the statistics or the visit plan; tickets it opened are not affected.</translation>
    </message>
    <message>
        <source>作废理由</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>作废走访记录</source>
        <translation>Void a visit</translation>
    </message>
    <message>
        <source>例如：是否同意在3号楼前增设电动车充电棚</source>
        <translation>e.g. Do you agree to a charging shelter in front of building 3?</translation>
    </message>
    <message>
        <source>例如：独居老人探访</source>
        <translation>e.g. Visiting elderly living alone</translation>
    </message>
    <message>
        <source>例如：独居老人探访、代买代办</source>
        <translation>e.g. Visiting elderly living alone, errands</translation>
    </message>
    <message>
        <source>例如：社区党群服务中心二楼会议室</source>
        <translation>e.g. Community service centre, meeting room 2F</translation>
    </message>
    <message>
        <source>例如：走访时间录错</source>
        <translation>e.g. Visit time entered wrongly</translation>
    </message>
    <message>
        <source>免去</source>
        <translation>Relieve</translation>
    </message>
    <message>
        <source>免去 {name} 的{role}职责（记入审计日志）。</source>
        <translation>Relieve {name} of the duty of {role} (kept in the audit log).</translation>
    </message>
    <message>
        <source>免去…</source>
        <translation>Relieve…</translation>
    </message>
    <message>
        <source>免去职责</source>
        <translation>Relieve of duty</translation>
    </message>
    <message>
        <source>入户走访</source>
        <translation>Home visits</translation>
    </message>
    <message>
        <source>入户走访…</source>
        <translation>Home visits…</translation>
    </message>
    <message>
        <source>全站</source>
        <translation>Whole site</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全部走访人</source>
        <translation>All visitors</translation>
    </message>
    <message>
        <source>公示已保存：{path}</source>
        <translation>Notice saved: {path}</translation>
    </message>
    <message>
        <source>其中已办结</source>
        <translation>of which solved</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>决议</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>决议内容</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>决议已付诸表决</source>
        <translation>The resolution was put to a vote</translation>
    </message>
    <message>
        <source>决议已转为工单</source>
        <translation>The resolution became a ticket</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>到会</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>办结工单（全部来源）</source>
        <translation>Tickets solved (all sources)</translation>
    </message>
    <message>
        <source>加入成员</source>
        <translation>Add a member</translation>
    </message>
    <message>
        <source>加入成员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>参与率</source>
        <translation>turnout</translation>
    </message>
    <message>
        <source>参与率门槛</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>参会人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>参加成员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>困难求助</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>填票时间</source>
        <translation>Filled in at</translation>
    </message>
    <message>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>实际参与</source>
        <translation>voted</translation>
    </message>
    <message>
        <source>小区</source>
        <translation>Compound</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>居民自治小组</source>
        <translation>Residents' self-governance group</translation>
    </message>
    <message>
        <source>居民自治小组：</source>
        <translation>Residents' self-governance group: </translation>
    </message>
    <message>
        <source>居民自治小组：尚未成立（在“志愿服务与居民自治”中新建，类型选居民自治小组）</source>
        <translation>Residents' self-governance group: not formed yet (create it under Volunteers &amp; self-governance, kind: residents' self-governance group)</translation>
    </message>
    <message>
        <source>居民议事会</source>
        <translation>Residents' council</translation>
    </message>
    <message>
        <source>居民：</source>
        <translation>Resident: </translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>工作统计</source>
        <translation>Work statistics</translation>
    </message>
    <message>
        <source>工作统计…</source>
        <translation>Work statistics…</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>已任命</source>
        <translation>Appointed</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>已作废：{reason}</source>
        <translation>Void: {reason}</translation>
    </message>
    <message>
        <source>已免去</source>
        <translation>Relieved</translation>
    </message>
    <message>
        <source>已投</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <source>已计票</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>应参与</source>
        <translation>Entitled</translation>
    </message>
    <message>
        <source>应访日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>开始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>录入</source>
        <translation>entered by</translation>
    </message>
    <message>
        <source>录入选票</source>
        <translation>Enter a ballot</translation>
    </message>
    <message>
        <source>录入选票…</source>
        <translation>Enter ballot…</translation>
    </message>
    <message>
        <source>微网格员</source>
        <translation>Micro-grid worker</translation>
    </message>
    <message>
        <source>志愿服务与居民自治</source>
        <translation>Volunteers &amp; self-governance</translation>
    </message>
    <message>
        <source>志愿服务与居民自治…</source>
        <translation>Volunteers &amp; self-governance…</translation>
    </message>
    <message>
        <source>志愿服务时长（小时）</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <source>志愿服务队</source>
        <translation>Volunteer team</translation>
    </message>
    <message>
        <source>志愿活动</source>
        <translation>Volunteer activities</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>成员已加入</source>
        <translation>Member added</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>截止时间</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>截止计票</source>
        <translation>Close and count</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>户 / 成员</source>
        <translation>Household / member</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>所属网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>打印公示</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <source>打印公示…</source>
        <translation>Print notice…</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Do it</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>按N天内未走访的户数着色</source>
        <translation>Colour the grids by households not visited in N days</translation>
    </message>
    <message>
        <source>按成员：</source>
        <translation>By member: </translation>
    </message>
    <message>
        <source>按户：</source>
        <translation>By household: </translation>
    </message>
    <message>
        <source>政策咨询</source>
        <translation>Policy question</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>新建表决</source>
        <translation>New vote</translation>
    </message>
    <message>
        <source>新建表决…</source>
        <translation>New vote…</translation>
    </message>
    <message>
        <source>新建队伍</source>
        <translation>New team</translation>
    </message>
    <message>
        <source>新建队伍…</source>
        <translation>New team…</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>无法写入公示：{error}</source>
        <translation>Cannot write the notice: {error}</translation>
    </message>
    <message>
        <source>无记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>暂无成员</source>
        <translation>No members yet</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>更正走访记录</source>
        <translation>Correct a visit</translation>
    </message>
    <message>
        <source>替换选票</source>
        <translation>Replace the ballot</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>服务工单号</source>
        <translation>Ticket served</translation>
    </message>
    <message>
        <source>服务时长（小时）</source>
        <translation>Hours served</translation>
    </message>
    <message>
        <source>未列入</source>
        <translation>Not listed</translation>
    </message>
    <message>
        <source>未形成决定</source>
        <translation>No decision</translation>
    </message>
    <message>
        <source>本队时长</source>
        <translation>Hours in team</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>楼栋长</source>
        <translation>Building head</translation>
    </message>
    <message>
        <source>楼院自治</source>
        <translation>Building self-governance</translation>
    </message>
    <message>
        <source>楼院自治…</source>
        <translation>Building self-governance…</translation>
    </message>
    <message>
        <source>每年应访</source>
        <translation>Visits a year</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>活动已登记</source>
        <translation>Activity recorded</translation>
    </message>
    <message>
        <source>添加决议</source>
        <translation>Add a resolution</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>登记会议</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <source>登记会议…</source>
        <translation>Record meeting…</translation>
    </message>
    <message>
        <source>登记志愿活动</source>
        <translation>Record a volunteer activity</translation>
    </message>
    <message>
        <source>登记活动…</source>
        <translation>Record activity…</translation>
    </message>
    <message>
        <source>登记走访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <source>矛盾纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>票</source>
        <translation>votes</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>累计时长</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <source>结果：“{option}”通过</source>
        <translation>Result: “{option}” passed</translation>
    </message>
    <message>
        <source>结果：未形成决定</source>
        <translation>Result: no decision</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>网格会议</source>
        <translation>Grid meetings</translation>
    </message>
    <message>
        <source>网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>网格员会议</source>
        <translation>Grid workers' meeting</translation>
    </message>
    <message>
        <source>网格工作</source>
        <translation>Grid work</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Electorate</translation>
    </message>
    <message>
        <source>表决事项</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>表决已发起</source>
        <translation>Vote opened</translation>
    </message>
    <message>
        <source>表决范围</source>
        <translation>Who votes</translation>
    </message>
    <message>
        <source>见到</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>见到人数</source>
        <translation>People met</translation>
    </message>
    <message>
        <source>计票前不显示各选项票数。</source>
        <translation>Counts per option are shown only once the vote is counted.</translation>
    </message>
    <message>
        <source>计票后不能再录入选票，结果将保存并可公示。</source>
        <translation>After counting no more ballots can be entered; the result is kept and can be posted.</translation>
    </message>
    <message>
        <source>议事表决</source>
        <translation>Residents' votes</translation>
    </message>
    <message>
        <source>议事表决…</source>
        <translation>Residents' votes…</translation>
    </message>
    <message>
        <source>议事表决（已计票）</source>
        <translation>Votes held (counted)</translation>
    </message>
    <message>
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>该楼没有此职责的人员</source>
        <translation>Nobody holds this duty in the building</translation>
    </message>
    <message>
        <source>请从列表中选择人员或居民</source>
        <translation>Choose a person or a resident from the list</translation>
    </message>
    <message>
        <source>请从列表中选择住户或成员</source>
        <translation>Choose a household or member from the list</translation>
    </message>
    <message>
        <source>请先为队伍加入成员</source>
        <translation>Add members to the team first</translation>
    </message>
    <message>
        <source>请先选择一户</source>
        <translation>Choose a household first</translation>
    </message>
    <message>
        <source>请先选择一栋楼</source>
        <translation>Choose a building first</translation>
    </message>
    <message>
        <source>请勾选参加的成员</source>
        <translation>Tick the members who took part</translation>
    </message>
    <message>
        <source>请填写更正理由，它会记入审计日志</source>
        <translation>Give the reason: it is kept in the audit log</translation>
    </message>
    <message>
        <source>请至少登记一名到会人员</source>
        <translation>Mark at least one person present</translation>
    </message>
    <message>
        <source>请选择一次会议</source>
        <translation>Choose a meeting</translation>
    </message>
    <message>
        <source>请选择一项表决</source>
        <translation>Choose a vote</translation>
    </message>
    <message>
        <source>请选择小区、楼栋或自治小组</source>
        <translation>Choose a compound, building or group</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>走访人次</source>
        <translation>People reached</translation>
    </message>
    <message>
        <source>走访已登记</source>
        <translation>Visit recorded</translation>
    </message>
    <message>
        <source>走访户数</source>
        <translation>Households visited</translation>
    </message>
    <message>
        <source>走访时间</source>
        <translation>Visited at</translation>
    </message>
    <message>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>走访覆盖</source>
        <translation>Visit coverage</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>走访记录已作废</source>
        <translation>Visit voided</translation>
    </message>
    <message>
        <source>走访记录已更正</source>
        <translation>Visit corrected</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>转工单：</source>
        <translation>Ticket: </translation>
    </message>
    <message>
        <source>过半数</source>
        <translation>Simple majority</translation>
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
        <source>进行中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>选票对其他居民保密。查看每户的选择将记入审计日志，请说明理由。</source>
        <translation>Ballots are secret from other residents. Viewing each household's choice is written to the audit log: give the reason.</translation>
    </message>
    <message>
        <source>选票已录入</source>
        <translation>Ballot entered</translation>
    </message>
    <message>
        <source>选票明细</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <source>选票明细…</source>
        <translation>Ballots…</translation>
    </message>
    <message>
        <source>选票明细（已记入审计日志）</source>
        <translation>Ballots (written to the audit log)</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>选项（每行一项）</source>
        <translation>Options (one a line)</translation>
    </message>
    <message>
        <source>通过标准</source>
        <translation>Pass threshold</translation>
    </message>
    <message>
        <source>逾期未访</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <source>逾期未访 {n} 户</source>
        <translation>{n} households overdue</translation>
    </message>
    <message>
        <source>问题转工单</source>
        <translation>Problems turned into tickets</translation>
    </message>
    <message>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>队伍已建立</source>
        <translation>Team created</translation>
    </message>
    <message>
        <source>（已投）</source>
        <translation> (voted)</translation>
    </message>
    <message>
        <source>（无网格员）</source>
        <translation>(no grid worker)</translation>
    </message>
    <message>
        <source>（未达到门槛）</source>
        <translation> (quorum not met)</translation>
    </message>
    <message>
        <source>（达到门槛）</source>
        <translation> (quorum met)</translation>
    </message>
</context>
</TS>
