<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>{name} 已登录，请输入密码解锁</source>
        <translation>{name} is signed in: type the password to unlock</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The passwords differ</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致</source>
        <translation>The new passwords differ</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>修改用户：{name}</source>
        <translation>Edit user: {name}</translation>
    </message>
    <message>
        <source>修改角色与网格…</source>
        <translation>Role and grid…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <source>全站</source>
        <translation>Whole site</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>只有管理员可以管理用户</source>
        <translation>Only an administrator manages users</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>席位已锁定</source>
        <translation>Seat locked</translation>
    </message>
    <message>
        <source>建立本站点的第一个管理员账户。之后用它登录，并在 设置 → 用户 中添加值班人员。</source>
        <translation>Make the site's first administrator. Sign in with it, then add the duty staff under Settings → Users.</translation>
    </message>
    <message>
        <source>建立管理员账户</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>待处理告警 {n} 条，请解锁后处理</source>
        <translation>{n} alarm(s) waiting: unlock to handle them</translation>
    </message>
    <message>
        <source>所属网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>本站点还没有用户。请建立第一个管理员账户，之后用它登录并在 设置 → 用户 中添加值班人员。</source>
        <translation>This site has no users yet. Make the first administrator, sign in with it and add the duty staff under Settings → Users.</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>演示站点账户：{names}，密码均为 {password}</source>
        <translation>Demo accounts: {names}, password {password} for each</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>用户…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>管理员账户</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>网格指挥中心 · 登录</source>
        <translation>Grid Command Centre · Sign in</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>请输入用户名和密码</source>
        <translation>Type the user name and password</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>重置密码：{name}</source>
        <translation>Reset password: {name}</translation>
    </message>
    <message>
        <source>锁定 {n} 秒</source>
        <translation>Locked {n} s</translation>
    </message>
    <message>
        <source>锁定席位</source>
        <translation>Lock seat</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>值班长</source>
        <translation>Shift supervisor</translation>
    </message>
    <message>
        <source>值班员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>网格长/网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>民警</source>
        <translation>Police officer</translation>
    </message>
    <message>
        <source>值守墙</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>无操作锁定席位</source>
        <translation>Lock the seat when idle for</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
</TS>
