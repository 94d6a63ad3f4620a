<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SiteSetup</name>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>人员与职责</source>
        <translation>People and Duties</translation>
    </message>
    <message>
        <source>人员与职责…</source>
        <translation>People and Duties…</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>出错，未写入任何数据：</source>
        <translation>Failed, nothing was written: </translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>坐标系</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <source>如 20m,0.5%：窄于 20 米或小于网格面积 0.5% 的出入只作提醒；0 为严格</source>
        <translation>E.g. 20m,0.5%: strays thinner than 20 m or smaller than 0.5% of the grid are warnings; 0 is strict</translation>
    </message>
    <message>
        <source>如：建设路街道幸福社区</source>
        <translation>e.g. Xingfu Community, Jianshe Road Street</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>容差</source>
        <translation>Tolerance</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入或更新网格边界（GeoJSON），微网格即楼栋</source>
        <translation>Import or update the grid boundaries (GeoJSON); each micro-grid is a building</translation>
    </message>
    <message>
        <source>导入站点工作簿：楼栋、人员与职责、摄像机、传感器</source>
        <translation>Import the site workbook: buildings, people and duties, cameras, sensors</translation>
    </message>
    <message>
        <source>尚未选择文件。此步骤可以跳过，以后在 设置 菜单中完成。</source>
        <translation>No file chosen yet. You can skip this step and do it later from the Settings menu.</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>residents</translation>
    </message>
    <message>
        <source>居民花名册</source>
        <translation>Resident Roster</translation>
    </message>
    <message>
        <source>已导入：</source>
        <translation>Imported: </translation>
    </message>
    <message>
        <source>已生成模板</source>
        <translation>Template Written</translation>
    </message>
    <message>
        <source>把下级网格裁剪到上级网格之内，并去除同级网格间的重叠</source>
        <translation>Trim each child to its parent and remove the overlaps between siblings</translation>
    </message>
    <message>
        <source>仅用于 export-site --passwords 导出的工作簿</source>
        <translation>Only for a workbook exported with export-site --passwords</translation>
    </message>
    <message>
        <source>从另一站点迁移时，摄像机密码以导出时设定的口令加密；输入同一口令即可导入这些密码</source>
        <translation>When moving from another site, the camera passwords are sealed with the passphrase chosen at export; enter the same passphrase to import them</translation>
    </message>
    <message>
        <source>密码口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>摄像机和传感器也可在站点工作簿中填写后导入。点击“完成”打开站点。</source>
        <translation>Cameras and sensors can also be filled in the site workbook and imported. Click Finish to open the site.</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>people added</translation>
    </message>
    <message>
        <source>其中待绑定住户的传感器</source>
        <translation>of them sensors waiting for their household</translation>
    </message>
    <message>
        <source>新增传感器</source>
        <translation>sensors added</translation>
    </message>
    <message>
        <source>新增住户</source>
        <translation>households added</translation>
    </message>
    <message>
        <source>新增摄像机</source>
        <translation>cameras added</translation>
    </message>
    <message>
        <source>新增楼栋</source>
        <translation>buildings added</translation>
    </message>
    <message>
        <source>新增网格</source>
        <translation>grids added</translation>
    </message>
    <message>
        <source>新建站点</source>
        <translation>New Site</translation>
    </message>
    <message>
        <source>无法生成模板</source>
        <translation>Cannot Write the Template</translation>
    </message>
    <message>
        <source>时区</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>更新人员</source>
        <translation>people updated</translation>
    </message>
    <message>
        <source>更新传感器</source>
        <translation>sensors updated</translation>
    </message>
    <message>
        <source>更新摄像机</source>
        <translation>cameras updated</translation>
    </message>
    <message>
        <source>更新楼栋</source>
        <translation>buildings updated</translation>
    </message>
    <message>
        <source>更新网格</source>
        <translation>grids updated</translation>
    </message>
    <message>
        <source>未写入任何数据，请修改文件后重新选择。</source>
        <translation>Nothing was written; correct the file and choose it again.</translation>
    </message>
    <message>
        <source>未变人员</source>
        <translation>people unchanged</translation>
    </message>
    <message>
        <source>未变传感器</source>
        <translation>sensors unchanged</translation>
    </message>
    <message>
        <source>未变摄像机</source>
        <translation>cameras unchanged</translation>
    </message>
    <message>
        <source>未变楼栋</source>
        <translation>buildings unchanged</translation>
    </message>
    <message>
        <source>未变网格</source>
        <translation>grids unchanged</translation>
    </message>
    <message>
        <source>未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>检查通过，导入后将写入：</source>
        <translation>Checked. Importing will write: </translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在检查文件…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>没有需要写入的内容</source>
        <translation>nothing to write</translation>
    </message>
    <message>
        <source>生成空白模板</source>
        <translation>Write a Blank Template</translation>
    </message>
    <message>
        <source>生成空白模板…</source>
        <translation>Blank Template…</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>网格与楼栋</source>
        <translation>Grids and Buildings</translation>
    </message>
    <message>
        <source>网格与楼栋…</source>
        <translation>Grids and Buildings…</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>请在表格软件中填写后选择此文件：</source>
        <translation>Fill it in with a spreadsheet program, then choose this file:</translation>
    </message>
    <message>
        <source>跳过，可稍后在 设置 菜单中导入</source>
        <translation>skipped; import it later from the Settings menu</translation>
    </message>
    <message>
        <source>这是一个新的数据库。请填写站点信息，再逐步导入本站点的网格、人员和居民。</source>
        <translation>This is a new database. Name the site, then import its grids, people and residents step by step.</translation>
    </message>
    <message>
        <source>选择居民花名册（.xlsx 或 .csv）。楼栋须已存在：请先导入网格或工作簿。</source>
        <translation>Choose the resident roster (.xlsx or .csv). Its buildings must exist: import the grids or the workbook first.</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose a File</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <source>选择站点工作簿（.xlsx：楼栋、人员、摄像机、传感器）。人员表填写网格长、网格员、包联县级领导等职责。没有工作簿时，可先生成空白模板，填好后再选择。</source>
        <translation>Choose the site workbook (.xlsx: buildings, people, cameras, sensors). The people sheet lists duties such as grid leader, grid member and the county-level leader. Without a workbook, write a blank template, fill it in, then choose it.</translation>
    </message>
    <message>
        <source>选择网格边界文件（GeoJSON，各级网格含编码、名称、层级、上级编码）。每个四级微网格即一栋楼，导入时自动建立楼栋。边界略有出入（容差以内）只作提醒。</source>
        <translation>Choose the grid boundary file (GeoJSON; each grid with its code, name, level and parent code). Every level-4 micro-grid is a building and is created as one. Boundaries that differ slightly (within the tolerance) are warnings.</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>错误数：</source>
        <translation>Errors: </translation>
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
        <source>二级网格</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>办件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>包联县级领导</source>
        <translation>County leader</translation>
    </message>
    <message>
        <source>工单分类与时限</source>
        <translation>Ticket Categories and Time Limits</translation>
    </message>
    <message>
        <source>工单分类与时限…</source>
        <translation>Ticket Categories and Time Limits…</translation>
    </message>
    <message>
        <source>已保存，从下一张工单起生效。</source>
        <translation>Saved; it applies from the next ticket on.</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore Default</translation>
    </message>
    <message>
        <source>时限按工作时间计（h 工作小时，d 工作日，m 工作分钟）；修改从下一张工单起生效。</source>
        <translation>Limits count working time (h working hours, d working days, m working minutes); a change applies from the next ticket on.</translation>
    </message>
    <message>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>本站点已修改时限</source>
        <translation>This site changed the time limits</translation>
    </message>
    <message>
        <source>查看工单分类，修改本站点的办理时限</source>
        <translation>View the ticket categories and change this site's time limits</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>签收时限</source>
        <translation>Response limit</translation>
    </message>
</context>
</TS>
