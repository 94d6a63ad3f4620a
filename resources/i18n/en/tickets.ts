<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Tickets</name>
    <message>
        <source>·待审批</source>
        <translation> · awaiting approval</translation>
    </message>
    <message>
        <source>一级网格</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>三级网格</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>不予立案理由：</source>
        <translation>Why it is dismissed:</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>乱贴小广告</source>
        <translation>Flyposting</translation>
    </message>
    <message>
        <source>二级网格</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>井盖缺失破损</source>
        <translation>Manhole cover missing</translation>
    </message>
    <message>
        <source>交通标志损坏</source>
        <translation>Traffic sign damaged</translation>
    </message>
    <message>
        <source>人员走失</source>
        <translation>Missing person</translation>
    </message>
    <message>
        <source>传感器</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>供水管道漏水</source>
        <translation>Water main leak</translation>
    </message>
    <message>
        <source>便民服务</source>
        <translation>Resident services</translation>
    </message>
    <message>
        <source>倒计时</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>健身器材损坏</source>
        <translation>Fitness equipment broken</translation>
    </message>
    <message>
        <source>入户走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>公用设施</source>
        <translation>Public facilities</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} tickets</translation>
    </message>
    <message>
        <source>共享单车乱停放</source>
        <translation>Dockless bikes</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>出租房屋管理</source>
        <translation>Rental housing</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>剩</source>
        <translation>left</translation>
    </message>
    <message>
        <source>办理时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>助餐助浴</source>
        <translation>Meals and bathing help</translation>
    </message>
    <message>
        <source>升级</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>升级理由：</source>
        <translation>Reason to escalate:</translation>
    </message>
    <message>
        <source>占道经营</source>
        <translation>Street vending on the road</translation>
    </message>
    <message>
        <source>危房隐患</source>
        <translation>Dangerous building</translation>
    </message>
    <message>
        <source>县级领导</source>
        <translation>County leader</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>反映内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <source>噪声扰民</source>
        <translation>Noise nuisance</translation>
    </message>
    <message>
        <source>回访评价</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>园林绿化</source>
        <translation>Parks and greenery</translation>
    </message>
    <message>
        <source>困难救助</source>
        <translation>Hardship relief</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>垃圾堆积</source>
        <translation>Rubbish piling up</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>处置中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>处置完成</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>处置结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>夜间施工扰民</source>
        <translation>Night construction noise</translation>
    </message>
    <message>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>就业帮扶</source>
        <translation>Employment support</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>居民评价：</source>
        <translation>Resident's rating:</translation>
    </message>
    <message>
        <source>工单 {0} 件，未办结 {1} 件，升级 {2} 件</source>
        <translation>{0} tickets, {1} open, {2} escalated</translation>
    </message>
    <message>
        <source>工单数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>工单队列</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>已挂账</source>
        <translation>Parked</translation>
    </message>
    <message>
        <source>已核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>已立案</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已评价</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>市容环境</source>
        <translation>City appearance</translation>
    </message>
    <message>
        <source>店外经营</source>
        <translation>Trading outside the shop</translation>
    </message>
    <message>
        <source>延期时长（如 2d、8h）：</source>
        <translation>Extension (e.g. 2d, 8h):</translation>
    </message>
    <message>
        <source>延期率</source>
        <translation>Extension rate</translation>
    </message>
    <message>
        <source>延期理由：</source>
        <translation>Reason for the extension:</translation>
    </message>
    <message>
        <source>延期申请</source>
        <translation>Extension request</translation>
    </message>
    <message>
        <source>建筑垃圾</source>
        <translation>Construction waste</translation>
    </message>
    <message>
        <source>当前操作人：“我的待办”按此人筛选，审批以此人身份进行</source>
        <translation>Acting person: “Mine” shows their tickets; approvals are made as them</translation>
    </message>
    <message>
        <source>待回访</source>
        <translation>To call back</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>恢复处置</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>我是</source>
        <translation>I am</translation>
    </message>
    <message>
        <source>我的待办</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>房屋土地</source>
        <translation>Buildings and land</translation>
    </message>
    <message>
        <source>房屋漏水</source>
        <translation>Leaking building</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>批量</source>
        <translation>Bulk </translation>
    </message>
    <message>
        <source>批量操作：</source>
        <translation>Bulk actions:</translation>
    </message>
    <message>
        <source>承办</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>挂账申请</source>
        <translation>Parking request</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>搜索内容或地址 (Ctrl+F)</source>
        <translation>Search text or address (Ctrl+F)</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
    <message>
        <source>无网格</source>
        <translation>No grid</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>本网格</source>
        <translation>My grids</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>树木倒伏</source>
        <translation>Fallen tree</translation>
    </message>
    <message>
        <source>核查不通过</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>核查不通过的原因：</source>
        <translation>Why verification failed:</translation>
    </message>
    <message>
        <source>核查通过</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>毁绿种菜</source>
        <translation>Vegetable plots on green land</translation>
    </message>
    <message>
        <source>水电气报修</source>
        <translation>Water, power, gas repair</translation>
    </message>
    <message>
        <source>油烟污染</source>
        <translation>Cooking fumes</translation>
    </message>
    <message>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>流浪乞讨</source>
        <translation>Homeless and begging</translation>
    </message>
    <message>
        <source>消防通道占用</source>
        <translation>Blocked fire lane</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>火情</source>
        <translation>Fire</translation>
    </message>
    <message>
        <source>燃气泄漏</source>
        <translation>Gas leak</translation>
    </message>
    <message>
        <source>物业服务</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>独居老人探访</source>
        <translation>Visit to elderly living alone</translation>
    </message>
    <message>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <source>申请挂账</source>
        <translation>Request parking</translation>
    </message>
    <message>
        <source>电梯故障</source>
        <translation>Lift out of order</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>矛盾纠纷调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>社保医保咨询</source>
        <translation>Social insurance enquiry</translation>
    </message>
    <message>
        <source>积水内涝</source>
        <translation>Flooding</translation>
    </message>
    <message>
        <source>突发事件</source>
        <translation>Emergencies</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>等待居民</source>
        <translation>Waiting for resident</translation>
    </message>
    <message>
        <source>等待居民的原因：</source>
        <translation>Why we wait for the resident:</translation>
    </message>
    <message>
        <source>签收处置</source>
        <translation>Sign for</translation>
    </message>
    <message>
        <source>紧急呼叫跟进</source>
        <translation>Emergency call follow-up</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>综合治理</source>
        <translation>Public order</translation>
    </message>
    <message>
        <source>绿地毁损</source>
        <translation>Damaged green space</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>网格巡查</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>老人关怀</source>
        <translation>Elderly care</translation>
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
        <translation>Scope</translation>
    </message>
    <message>
        <source>街面秩序</source>
        <translation>Street order</translation>
    </message>
    <message>
        <source>视频发现</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <source>解除挂账</source>
        <translation>Unpark</translation>
    </message>
    <message>
        <source>计时暂停</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <source>证明开具</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>路灯损坏</source>
        <translation>Street light out</translation>
    </message>
    <message>
        <source>返工率</source>
        <translation>Rework rate</translation>
    </message>
    <message>
        <source>违章搭建</source>
        <translation>Illegal construction</translation>
    </message>
    <message>
        <source>违规停车</source>
        <translation>Illegal parking</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>退回理由（非本网格事项）：</source>
        <translation>Why it is not ours:</translation>
    </message>
    <message>
        <source>适老化改造</source>
        <translation>Home adaptation</translation>
    </message>
    <message>
        <source>选择一个工单查看详情</source>
        <translation>Select a ticket to see its details</translation>
    </message>
    <message>
        <source>道路交通</source>
        <translation>Roads and traffic</translation>
    </message>
    <message>
        <source>道路破损</source>
        <translation>Damaged road</translation>
    </message>
    <message>
        <source>邻里纠纷</source>
        <translation>Neighbour dispute</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>驳回申请</source>
        <translation>Deny</translation>
    </message>
</context>
</TS>
