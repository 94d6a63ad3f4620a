<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AiEventList</name>
    <message>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>确认已看到此事件；它的告警若仍待确认，一并确认</source>
        <translation>Acknowledge that you have seen this event; its alarm too, if that is still waiting</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>（随告警确认）</source>
        <translation>(with its alarm)</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>handled</translation>
    </message>
    <message>
        <source>无法确认</source>
        <translation>Cannot acknowledge</translation>
    </message>
    <message>
        <source>确认未能保存：%1</source>
        <translation>The acknowledgement was not saved: %1</translation>
    </message>
    <message>
        <source>人员 / 区域</source>
        <translation>Person / zone</translation>
    </message>
    <message>
        <source>仅紧急</source>
        <translation>Urgent only</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>全部摄像机</source>
        <translation>All cameras</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 events</translation>
    </message>
    <message>
        <source>区域闯入</source>
        <translation>Person in zone</translation>
    </message>
    <message>
        <source>摄像机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>无人脸截图</source>
        <translation>No face picture</translation>
    </message>
    <message>
        <source>无截图</source>
        <translation>No snapshot</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>未戴口罩</source>
        <translation>No mask</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>选择一条事件查看截图</source>
        <translation>Select an event to see its pictures</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>陌生人逗留</source>
        <translation>Stranger lingering</translation>
    </message>
</context>
<context>
    <name>AiEventModel</name>
    <message>
        <source>人员 / 区域</source>
        <translation>Person / zone</translation>
    </message>
    <message>
        <source>停留 %1 秒</source>
        <translation>Inside for %1 s</translation>
    </message>
    <message>
        <source>区域闯入</source>
        <translation>Person in zone</translation>
    </message>
    <message>
        <source>夜间</source>
        <translation>at night</translation>
    </message>
    <message>
        <source>姓名不可见</source>
        <translation>name hidden</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>已删除的摄像机</source>
        <translation>Deleted camera</translation>
    </message>
    <message>
        <source>摄像机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>未戴口罩</source>
        <translation>No mask</translation>
    </message>
    <message>
        <source>相似度 %1</source>
        <translation>Similarity %1</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>逗留 %1 分钟</source>
        <translation>Lingering %1 min</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>陌生人</source>
        <translation>Stranger</translation>
    </message>
    <message>
        <source>陌生人逗留</source>
        <translation>Stranger lingering</translation>
    </message>
</context>
<context>
    <name>AiPanel</name>
    <message>
        <source>AI事件</source>
        <translation>AI events</translation>
    </message>
    <message>
        <source>人脸库</source>
        <translation>Face gallery</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>书面签字</source>
        <translation>Signed in writing</translation>
    </message>
    <message>
        <source>公安机关书面通知</source>
        <translation>Written police notice</translation>
    </message>
    <message>
        <source>口头同意并录音</source>
        <translation>Oral, recorded</translation>
    </message>
    <message>
        <source>同意方式</source>
        <translation>How given</translation>
    </message>
    <message>
        <source>同意日期</source>
        <translation>Date given</translation>
    </message>
    <message>
        <source>如何取得本人同意</source>
        <translation>How the person's consent was obtained</translation>
    </message>
    <message>
        <source>本人同意（必填）</source>
        <translation>The person's consent (required)</translation>
    </message>
    <message>
        <source>监护人代为签字</source>
        <translation>Signed by guardian</translation>
    </message>
    <message>
        <source>线上确认</source>
        <translation>Confirmed online</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>记录同意的工作人员</source>
        <translation>Staff member who recorded the consent</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>人脸检测失败：%1</source>
        <translation>Face detection failed: %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>删除人脸数据</source>
        <translation>Delete face data</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>已核对：绿框中的人脸是登记对象本人</source>
        <translation>Checked: the face in the green box is the person being enrolled</translation>
    </message>
    <message>
        <source>已登记“%1”的人脸（编号 %2）</source>
        <translation>Enrolled the face of “%1” (no. %2)</translation>
    </message>
    <message>
        <source>人脸识别已关闭（ai.toml 中 recogniser.type = none），无法登记</source>
        <translation>Face recognition is switched off (recogniser.type = none in ai.toml): cannot enrol</translation>
    </message>
    <message>
        <source>检测到人脸（绿框），请核对是否为登记对象本人</source>
        <translation>Face found (green box): check that it is the person being enrolled</translation>
    </message>
    <message>
        <source>正在检测人脸…</source>
        <translation>Looking for faces…</translation>
    </message>
    <message>
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>没有本人同意（日期、方式、记录人）不能登记</source>
        <translation>Cannot enrol without the person's consent (date, how given, recorded by)</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>照片中有 %1 张人脸，请使用只有登记对象一人的照片</source>
        <translation>The photo shows %1 faces: use a photo of the person alone</translation>
    </message>
    <message>
        <source>照片中未找到人脸，请换一张正面、清晰、光线充足的照片</source>
        <translation>No face found in the photo: use a clear, well-lit photo facing the camera</translation>
    </message>
    <message>
        <source>照片中需要有且只有一张清晰的人脸</source>
        <translation>The photo must show exactly one clear face</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>登记人脸</source>
        <translation>Enrol face</translation>
    </message>
    <message>
        <source>登记失败：%1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <source>登记对象</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>视频截图</source>
        <translation>Video snapshot</translation>
    </message>
    <message>
        <source>该居民已登记人脸；再次登记会为其增加一个特征模板。</source>
        <translation>This resident already has face data; enrolling again adds another template.</translation>
    </message>
    <message>
        <source>请核对照片中的人脸是否为本人</source>
        <translation>Check that the face in the photo is the person</translation>
    </message>
    <message>
        <source>请选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>选择照片文件…</source>
        <translation>Photo file…</translation>
    </message>
</context>
<context>
    <name>FacePreview</name>
    <message>
        <source>选择照片文件，或在视频墙的画面上右键“登记人脸”</source>
        <translation>Choose a photo file, or right-click a picture on the video wall and pick “Enrol face”</translation>
    </message>
</context>
<context>
    <name>ForgetFace</name>
    <message>
        <source>删除人脸数据</source>
        <translation>Delete face data</translation>
    </message>
    <message>
        <source>删除会记入审计日志，且无法恢复。确定删除吗？</source>
        <translation>The deletion is written to the audit log and cannot be undone. Delete?</translation>
    </message>
    <message>
        <source>将彻底删除“%1”的全部人脸数据：特征模板、照片、同意记录以及事件中的人脸截图。</source>
        <translation>All face data of “%1” will be deleted: templates, photos, consent records and face pictures in events.</translation>
    </message>
    <message>
        <source>已删除“%1”的人脸数据：模板 %2 个，同意记录 %3 条，事件图片 %4 条。</source>
        <translation>Deleted the face data of “%1”: %2 templates, %3 consent records, %4 event pictures.</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>列入原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>同意方式</source>
        <translation>How given</translation>
    </message>
    <message>
        <source>同意日期</source>
        <translation>Date given</translation>
    </message>
    <message>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>姓名 / 标签</source>
        <translation>Name / label</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>居民 #%1</source>
        <translation>Resident #%1</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>本席位无权查看居民姓名</source>
        <translation>This seat may not see residents' names</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>全部名单</source>
        <translation>All lists</translation>
    </message>
    <message>
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>删除人脸数据</source>
        <translation>Delete face data</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>特征模板加密保存，与身份信息分开；删除会清除模板、照片、同意记录和事件中的人脸截图，并记入审计日志。</source>
        <translation>Templates are stored encrypted, apart from identity data. Deleting removes templates, photos, consent records and face pictures in events, and is written to the audit log.</translation>
    </message>
    <message>
        <source>登记人脸…</source>
        <translation>Enrol face…</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
</context>
<context>
    <name>SubjectPicker</name>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>例如：公安机关协查通知及文号</source>
        <translation>e.g. police request and its reference number</translation>
    </message>
    <message>
        <source>列入原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>只显示前 %1 人，请输入更多内容</source>
        <translation>Showing the first %1 only: type more</translation>
    </message>
    <message>
        <source>在花名册中查找要登记的居民</source>
        <translation>Find the resident in the roster</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>找到 %1 人</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <source>查询失败：%1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>称呼或编号，不写居民姓名</source>
        <translation>Alias or number, never a resident's name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>请填写列入重点人员的原因</source>
        <translation>Give the reason for the watch list</translation>
    </message>
    <message>
        <source>请填写重点人员标签</source>
        <translation>Give the watch-list label</translation>
    </message>
    <message>
        <source>请选择要登记的居民</source>
        <translation>Choose the resident to enrol</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>输入姓名、地址、电话或身份证后四位</source>
        <translation>Name, address, phone or last 4 of the ID number</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>重点人员命中时立即产生紧急事件。</source>
        <translation>A watch-list hit raises an urgent event at once.</translation>
    </message>
</context>
<context>
    <name>ZoneEditorDialog</name>
    <message>
        <source>任何时间有人进入即产生事件</source>
        <translation>Anyone inside at any hour raises an event</translation>
    </message>
    <message>
        <source>例如：配电房门口</source>
        <translation>e.g. Switch room door</translation>
    </message>
    <message>
        <source>保存区域</source>
        <translation>Save zone</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>删除区域</source>
        <translation>Delete zone</translation>
    </message>
    <message>
        <source>删除区域“%1”？该区域不再产生事件。</source>
        <translation>Delete zone “%1”? It will raise no more events.</translation>
    </message>
    <message>
        <source>删除所选区域</source>
        <translation>Delete selected zone</translation>
    </message>
    <message>
        <source>区域 — %1</source>
        <translation>Zones — %1</translation>
    </message>
    <message>
        <source>双击或按回车闭合区域</source>
        <translation>Double-click or press Enter to close the zone</translation>
    </message>
    <message>
        <source>可以保存</source>
        <translation>Ready to save</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>在画面上单击添加区域的角，双击闭合，右键撤销上一个角</source>
        <translation>Click on the picture to add corners, double-click to close, right-click to undo the last corner</translation>
    </message>
    <message>
        <source>夜间 %1:00–%2:00 有人进入即产生事件</source>
        <translation>Anyone inside at night (%1:00–%2:00) raises an event</translation>
    </message>
    <message>
        <source>夜间区域</source>
        <translation>Night zone</translation>
    </message>
    <message>
        <source>已保存区域“%1”</source>
        <translation>Saved zone “%1”</translation>
    </message>
    <message>
        <source>已有 %1 个角，至少需要三个</source>
        <translation>%1 corners so far; at least three are needed</translation>
    </message>
    <message>
        <source>已有区域</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>新区域</source>
        <translation>New zone</translation>
    </message>
    <message>
        <source>清除重画</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>禁入区域</source>
        <translation>Forbidden zone</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>请填写区域名称</source>
        <translation>Name the zone</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改所选区域的名称、规则和角（也可双击列表中的区域）</source>
        <translation>Change the selected zone's name, rule and corners (or double-click it in the list)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>取消编辑</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>编辑区域</source>
        <translation>Edit zone</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>可以保存。拖动角调整位置，双击边添加角，右键单击角删除它</source>
        <translation>Ready to save. Drag a corner to move it, double-click an edge to add a corner, right-click a corner to remove it</translation>
    </message>
    <message>
        <source>该区域已被删除，可另存为新区域</source>
        <translation>This zone has been deleted meanwhile; you can save it as a new zone</translation>
    </message>
    <message>
        <source>放弃正在画的区域，改为编辑“%1”？</source>
        <translation>Discard the zone you are drawing and edit “%1” instead?</translation>
    </message>
    <message>
        <source>保存失败，区域仍在画面上：%1</source>
        <translation>Could not save; the zone is still on the picture: %1</translation>
    </message>
    <message>
        <source>删除失败：%1</source>
        <translation>Could not delete: %1</translation>
    </message>
</context>
<context>
    <name>LiveActions</name>
    <message>
        <source>从画面</source>
        <translation>From live</translation>
    </message>
    <message>
        <source>登记人脸…</source>
        <translation>Enrol a face…</translation>
    </message>
    <message>
        <source>编辑区域…</source>
        <translation>Edit zones…</translation>
    </message>
    <message>
        <source>取这台摄像机的实时画面</source>
        <translation>Take this camera's live picture</translation>
    </message>
    <message>
        <source>无法取得画面</source>
        <translation>No picture</translation>
    </message>
</context>
<context>
    <name>LiveSnapshot</name>
    <message>
        <source>摄像机“%1”在 %2 秒内没有画面，请检查其连接状态。</source>
        <translation>Camera “%1” gave no picture within %2 s; check its connection.</translation>
    </message>
</context>
</TS>
