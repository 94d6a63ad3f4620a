<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Tickets</name>
    <message>
        <source>退回给指挥中心重新派遣（非本网格事项），承办网格不再办理。</source>
        <translation>be returned to the command centre for another dispatch (not this grid's matter); the grid stops handling them.</translation>
    </message>
    <message>
        <source>升级到上一级网格，由其网格长承办，按上一级时限重新计时。</source>
        <translation>be escalated to the grid above, handled by its leader, with that level's time limit starting now.</translation>
    </message>
    <message>
        <source>结案：生成办理结果告知单，等待回访评价；结案后不能再处置。</source>
        <translation>be closed: the result notice is produced and the feedback call awaited; a closed ticket cannot be handled again.</translation>
    </message>
    <message>
        <source>退回理由（必填）：</source>
        <translation>Why they are returned (required):</translation>
    </message>
    <message>
        <source>升级理由（必填）：</source>
        <translation>Why they are escalated (required):</translation>
    </message>
    <message>
        <source>……另有 %1 件</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>共 %1 件工单将</source>
        <translation>%1 ticket(s) will </translation>
    </message>
    <message>
        <source>显示反映人电话</source>
        <translation>Show the reporter's phone</translation>
    </message>
    <message>
        <source>显示反映人电话全文以便回访，此操作记入审计日志</source>
        <translation>Show the reporter's phone in full to ring them back; this is recorded in the audit log</translation>
    </message>
    <message>
        <source>查看完整电话的理由（记入审计日志）：</source>
        <translation>Why the phone is needed in full (recorded in the audit log):</translation>
    </message>
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
    <message>
        <source>时限</source>
        <translation>limit</translation>
    </message>
    <message>
        <source>升级后</source>
        <translation>after escalation</translation>
    </message>
    <message>
        <source>响应</source>
        <translation>response</translation>
    </message>
    <message>
        <source>全天候计时</source>
        <translation>round the clock</translation>
    </message>
    <message>
        <source>搜索分类，如 路灯、垃圾、噪音</source>
        <translation>Search categories, e.g. street light, rubbish, noise</translation>
    </message>
    <message>
        <source>未选择分类</source>
        <translation>No category chosen</translation>
    </message>
    <message>
        <source>不在任何网格内</source>
        <translation>Outside every grid</translation>
    </message>
    <message>
        <source>将转指挥中心人工派遣</source>
        <translation>Goes to the command centre for manual dispatch</translation>
    </message>
    <message>
        <source>将派遣至</source>
        <translation>Will be dispatched to</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>handler</translation>
    </message>
    <message>
        <source>新建工单</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>居民反映的问题：什么事、在哪里、多久了、有什么诉求</source>
        <translation>What the resident reports: what, where, since when, what they ask for</translation>
    </message>
    <message>
        <source>可不填（匿名）</source>
        <translation>Optional (anonymous)</translation>
    </message>
    <message>
        <source>手机或固话，如 13800001234 / 0371-61234567</source>
        <translation>Mobile or landline, e.g. 13800001234 / 0371-61234567</translation>
    </message>
    <message>
        <source>选择位置后显示派遣去向</source>
        <translation>Choose a place to see where the ticket will go</translation>
    </message>
    <message>
        <source>未添加照片（可选，保存时校验 SHA-256）</source>
        <translation>No photos (optional; kept with a SHA-256 checksum)</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>提交 (Ctrl+Enter)</source>
        <translation>Submit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>反映事项</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>派遣预览</source>
        <translation>Dispatch preview</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>同一地点同类问题已有未办结工单，可把本次反映合并进去：</source>
        <translation>An open ticket for the same place and category exists; this report can be merged into it:</translation>
    </message>
    <message>
        <source>合并到已有工单</source>
        <translation>Merge into that ticket</translation>
    </message>
    <message>
        <source>仍然新建</source>
        <translation>Open a new one anyway</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>超过 20 MB</source>
        <translation>larger than 20 MB</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>请选择问题分类（可在上方搜索）</source>
        <translation>Choose a category (search above)</translation>
    </message>
    <message>
        <source>请填写反映内容</source>
        <translation>Describe the problem</translation>
    </message>
    <message>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>照片无法读取：</source>
        <translation>Cannot read photo: </translation>
    </message>
    <message>
        <source>提交失败：</source>
        <translation>Submit failed: </translation>
    </message>
    <message>
        <source>读取失败：</source>
        <translation>Cannot read: </translation>
    </message>
    <message>
        <source>居民来电、来访或巡查发现的问题，登记为工单并自动派遣</source>
        <translation>Record a call, a visit or a patrol finding as a ticket, dispatched automatically</translation>
    </message>
    <message>
        <source>已合并到工单</source>
        <translation>Merged into ticket</translation>
    </message>
    <message>
        <source>已新建工单</source>
        <translation>Opened ticket</translation>
    </message>
    <message>
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>共 {0} 条，选择一条</source>
        <translation>{0} found, choose one</translation>
    </message>
    <message>
        <source>姓名、地址或电话，如 张 / 3号楼1单元 / 1380000</source>
        <translation>Name, address or phone, e.g. Zhang / Bldg 3 Unit 1 / 1380000</translation>
    </message>
    <message>
        <source>输入后在住户名册中查找</source>
        <translation>Type to search the resident roster</translation>
    </message>
    <message>
        <source>楼栋名称或地址，如 幸福小区1号楼</source>
        <translation>Building name or address</translation>
    </message>
    <message>
        <source>输入后查找楼栋</source>
        <translation>Type to search buildings</translation>
    </message>
    <message>
        <source>如 </source>
        <translation>e.g. </translation>
    </message>
    <message>
        <source>WGS-84 经纬度（度）</source>
        <translation>WGS-84 longitude/latitude (degrees)</translation>
    </message>
    <message>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>按住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>按楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>按经纬度</source>
        <translation>Lon/lat</translation>
    </message>
    <message>
        <source>已填入地图上点选的位置（WGS-84）</source>
        <translation>Filled in from the point clicked on the map (WGS-84)</translation>
    </message>
    <message>
        <source>名册中没有找到，可改用楼栋或经纬度</source>
        <translation>Not in the roster; use a building or lon/lat instead</translation>
    </message>
    <message>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>没有找到该楼栋</source>
        <translation>No such building</translation>
    </message>
    <message>
        <source>查找失败：</source>
        <translation>Search failed: </translation>
    </message>
    <message>
        <source>请搜索并在列表中选择住户，或改用楼栋、经纬度</source>
        <translation>Search and pick a household, or use a building or lon/lat</translation>
    </message>
    <message>
        <source>请搜索并在列表中选择楼栋</source>
        <translation>Search and pick a building</translation>
    </message>
    <message>
        <source>请填写经度和纬度</source>
        <translation>Enter longitude and latitude</translation>
    </message>
    <message>
        <source>经纬度应为数字，如 113.6250、34.7460</source>
        <translation>Longitude and latitude must be numbers, e.g. 113.6250, 34.7460</translation>
    </message>
    <message>
        <source>经度应在 -180 到 180 之间，纬度在 -90 到 90 之间</source>
        <translation>Longitude must be within -180..180 and latitude within -90..90</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>按来源</source>
        <translation>By source</translation>
    </message>
    <message>
        <source>即办件</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation>Promised</translation>
    </message>
    <message>
        <source>协调件</source>
        <translation>Coordinated</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp *.webp *.heic);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.webp *.heic);;All files (*)</translation>
    </message>
    <message>
        <source>个工作分钟</source>
        <translation> working min</translation>
    </message>
    <message>
        <source>个工作小时</source>
        <translation> working hours</translation>
    </message>
    <message>
        <source>个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>＋ 新建工单</source>
        <translation>+ New ticket</translation>
    </message>
    <message>
        <source>{0}天{1}小时</source>
        <translation>{0}d {1}h</translation>
    </message>
    <message>
        <source>{0}小时{1:02d}分</source>
        <translation>{0}h {1:02d}m</translation>
    </message>
    <message>
        <source>{0}分钟</source>
        <translation>{0} min</translation>
    </message>
</context>
</TS>
