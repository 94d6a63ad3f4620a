<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
</context>
<context>
    <name>AccountsPeople</name>
    <message>
        <source>对应人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>请从列表中选择人员，或选“（无）”</source>
        <translation>Choose a person from the list, or "(nobody)"</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>停用后，{name} 不能再登录任何席位，也不能使用命令行。</source>
        <translation>Once disabled, {name} can no longer sign in at any seat or use the command line.</translation>
    </message>
    <message>
        <source>{person}，登录名 {login}</source>
        <translation>{person}, signed in as {login}</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>本网格</source>
        <translation>My grid</translation>
    </message>
</context>
</TS>
