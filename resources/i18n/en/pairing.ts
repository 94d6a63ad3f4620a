<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FundScreen</name>
    <message>
        <source>%1（%2，%3 户）</source>
        <translation>%1 (%2, %3 households)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>付款人/收款人</source>
        <translation>Payer / payee</translation>
    </message>
    <message>
        <source>余额：%1 元</source>
        <translation>Balance: %1 yuan</translation>
    </message>
    <message>
        <source>元，最多两位小数</source>
        <translation>yuan, at most two decimals</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>冲销 #%1</source>
        <translation>Reverses #%1</translation>
    </message>
    <message>
        <source>冲销…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <source>冲销原因</source>
        <translation>Reason for the reversal</translation>
    </message>
    <message>
        <source>冲销账目</source>
        <translation>Reverse an entry</translation>
    </message>
    <message>
        <source>冲销账目 #%1（%2 元）？将登记一笔金额相反的冲销记录，原账目保留。</source>
        <translation>Reverse entry #%1 (%2 yuan)? A reversing entry of the opposite amount is recorded; the original entry stays.</translation>
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
        <source>小区网格</source>
        <translation>Compound</translation>
    </message>
    <message>
        <source>已写入 %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>已由 #%1 冲销</source>
        <translation>Reversed by #%1</translation>
    </message>
    <message>
        <source>已登记账目 #%1</source>
        <translation>Recorded entry #%1</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Spending</translation>
    </message>
    <message>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>月份 (YYYY-MM)</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <source>月度明细</source>
        <translation>Monthly statement</translation>
    </message>
    <message>
        <source>月度明细 PDF…</source>
        <translation>Monthly statement PDF…</translation>
    </message>
    <message>
        <source>爱心基金</source>
        <translation>Mutual-aid fund</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>登记%1 %2 元（%3）？账目登记后不能修改或删除，只能冲销。</source>
        <translation>Record %1 of %2 yuan (%3)? A recorded entry cannot be changed or deleted, only reversed.</translation>
    </message>
    <message>
        <source>登记收支</source>
        <translation>Record income or spending</translation>
    </message>
    <message>
        <source>登记收支…</source>
        <translation>Record income or spending…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>请先选择要冲销的账目</source>
        <translation>Select the entry to reverse first</translation>
    </message>
    <message>
        <source>请填写类别</source>
        <translation>Give a category</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
</context>
<context>
    <name>PairingBoard</name>
    <message>
        <source>%1 户已有联户党员，将改由 %2 联系；原联户关系解除，并保留在记录中。</source>
        <translation>%1 households already have a party member; %2 will look after them instead. The old pairings end and stay on record.</translation>
    </message>
    <message>
        <source>%1　%2 户</source>
        <translation>%1  %2 households</translation>
    </message>
    <message>
        <source>%1（%2，%3 户）</source>
        <translation>%1 (%2, %3 households)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>低保户</source>
        <translation>low income</translation>
    </message>
    <message>
        <source>住户（未联户在前，需关爱的住户以底色标出）</source>
        <translation>Households (unpaired first; those needing care highlighted)</translation>
    </message>
    <message>
        <source>共 %1 户，已联户 %2 户，未联户 %3 户；联户党员 %4 名，平均每人 %5 户。</source>
        <translation>%1 households, %2 paired, %3 unpaired; %4 party members, %5 households each if shared evenly. </translation>
    </message>
    <message>
        <source>包保领导</source>
        <translation>Backing leader</translation>
    </message>
    <message>
        <source>包片干部</source>
        <translation>Area cadre</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>小区网格</source>
        <translation>Compound</translation>
    </message>
    <message>
        <source>尚可多联</source>
        <translation>Has room for more</translation>
    </message>
    <message>
        <source>尚可多联：</source>
        <translation>Room for more: </translation>
    </message>
    <message>
        <source>已写入 %1：%2 张明信片，%3 页</source>
        <translation>Wrote %1: %2 postcards, %3 pages</translation>
    </message>
    <message>
        <source>已联户 %1 户</source>
        <translation>Paired %1 households</translation>
    </message>
    <message>
        <source>建议把未联户的住户拖到户数较少的党员名下。</source>
        <translation> Drag the unpaired households onto the members with fewer.</translation>
    </message>
    <message>
        <source>打印明信片…</source>
        <translation>Print postcards…</translation>
    </message>
    <message>
        <source>打印联户党员明信片</source>
        <translation>Print the party-member postcards</translation>
    </message>
    <message>
        <source>按每人不超过 %1 户，至少需要 %2 名联户党员。</source>
        <translation> At most %1 households each needs at least %2 party members.</translation>
    </message>
    <message>
        <source>未联户</source>
        <translation>unpaired</translation>
    </message>
    <message>
        <source>本网格尚无包保领导</source>
        <translation>No leader backs this grid yet</translation>
    </message>
    <message>
        <source>本网格没有已联户的住户</source>
        <translation>No paired household in this grid</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>爱心基金…</source>
        <translation>Mutual-aid fund…</translation>
    </message>
    <message>
        <source>独居老人</source>
        <translation>elderly living alone</translation>
    </message>
    <message>
        <source>联户党员包联看板</source>
        <translation>Party-member pairing board</translation>
    </message>
    <message>
        <source>联户党员包联看板…</source>
        <translation>Party-member pairing board…</translation>
    </message>
    <message>
        <source>联户党员（把住户拖到党员名下）</source>
        <translation>Party members (drag households onto a member)</translation>
    </message>
    <message>
        <source>联户到所选党员</source>
        <translation>Pair with the selected member</translation>
    </message>
    <message>
        <source>联户超过 %1 户</source>
        <translation>More than %1 households</translation>
    </message>
    <message>
        <source>联户超过 %1 户：</source>
        <translation>More than %1 households: </translation>
    </message>
    <message>
        <source>联户：%1</source>
        <translation>paired: %1</translation>
    </message>
    <message>
        <source>解除</source>
        <translation>End</translation>
    </message>
    <message>
        <source>解除所选 %1 户的联户关系？记录保留，住户回到未联户。</source>
        <translation>End the pairing of the %1 selected households? The record stays; the households become unpaired.</translation>
    </message>
    <message>
        <source>解除联户</source>
        <translation>End pairing</translation>
    </message>
    <message>
        <source>解除联户…</source>
        <translation>End pairing…</translation>
    </message>
    <message>
        <source>请先选择住户和联户党员</source>
        <translation>Select households and a party member first</translation>
    </message>
    <message>
        <source>请选择已联户的住户</source>
        <translation>Select paired households</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>调整联户党员</source>
        <translation>Move to another party member</translation>
    </message>
</context>
</TS>
