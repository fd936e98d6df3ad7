//! Who wrote it: a byline as pages print them, and a line that is only a
//! name.

/// The most common surnames, so a line of two to four hanzi can be read as
/// an author's name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// A line that is only a name (or names): `张庆花`, `王伟 李娜`.
#[must_use]
pub fn is_name_line(s: &str) -> bool {
    let names: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '、' || c == '，')
        .filter(|n| !n.is_empty())
        .collect();
    !names.is_empty()
        && names.len() <= 4
        && names.iter().all(|n| {
            let count = n.chars().count();
            (2..=4).contains(&count)
                && n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && (SURNAMES.contains(n.chars().next().unwrap_or(' '))
                    || ["欧阳", "司马", "诸葛", "上官", "东方", "令狐", "慕容"]
                        .iter()
                        .any(|p| n.starts_with(p)))
        })
}

/// A byline as pages print them.
#[must_use]
pub fn is_byline(s: &str) -> bool {
    let count = s.chars().count();
    is_name_line(s)
        || (count <= 40
            && ([
                "作者",
                "来源",
                "出品",
                "记者",
                "通讯员",
                "文",
                "撰文",
                "编辑",
                "责任编辑",
            ]
            .iter()
            .any(|w| {
                s.strip_prefix(w)
                    .is_some_and(|r| r.starts_with(['：', ':', '︱', '|', '丨', '｜', '/', '／']))
            }) || (s.starts_with('■') && count <= 24)
                || s.starts_with("本报记者")
                || s.starts_with("本报评论员")
                || ["课题组", "研究组", "调研组", "评论员", "编辑部"]
                    .iter()
                    .any(|e| s.ends_with(e))))
}
