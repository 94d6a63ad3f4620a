from app.roster.masking import mask_id, mask_name, mask_phone


def test_mask_id():
    assert mask_id("410102199001011234") == "410102********1234"
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id("") == "" and mask_id(None) == ""


def test_mask_phone():
    assert mask_phone("13800001234") == "138****1234"
    assert mask_phone("0371-61234567") == "0371-****4567"
    assert mask_phone(None) == ""


def test_mask_name():
    assert mask_name("张三") == "张*"
    assert mask_name("李小龙") == "李*龙"
    assert mask_name("欧阳娜娜") == "欧**娜"
