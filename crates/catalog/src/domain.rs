//! The domain of an indicator the catalogue does not hold, read from the
//! words of its name (养老床位 → 民生福祉, 森林蓄积量 → 绿色生态), so that a
//! plan's long tail of its own indicators is grouped as its five domains are.
//! A name with none of the words stays unclassified (未归类).

use crate::catalog::Indicator;
use crate::normalize::normalize;

/// The domain of a fact's indicator: the catalogue's when it holds the
/// indicator, else the one the written name's words tell
/// ([`inferred_domain`]); none when neither knows.
pub fn domain_of(indicator: Option<&Indicator>, name: &str) -> Option<String> {
    indicator
        .map(|i| i.domain.clone())
        .or_else(|| inferred_domain(name).map(str::to_string))
}

/// Words of each domain, most specific first: a name takes the domain of the
/// first list holding one of its words (粮食产量 is 安全保障 before 产量 makes
/// it 经济发展; 居民人均可支配收入 is 民生福祉 before 收入 does).
const DOMAIN_WORDS: &[(&str, &[&str])] = &[
    (
        "安全保障",
        &[
            "粮食",
            "耕地",
            "基本农田",
            "安全生产",
            "事故",
            "应急",
            "防洪",
            "防汛",
            "地质灾害",
            "食品安全",
            "储备",
        ],
    ),
    (
        "绿色生态",
        &[
            "森林",
            "绿化",
            "绿地",
            "湿地",
            "造林",
            "草原",
            "空气",
            "优良天数",
            "细颗粒物",
            "pm2.5",
            "pm10",
            "水质",
            "断面",
            "水体",
            "污水",
            "垃圾",
            "能耗",
            "能源消耗",
            "碳排放",
            "二氧化碳",
            "化学需氧量",
            "氨氮",
            "二氧化硫",
            "氮氧化物",
            "水土",
            "生态",
            "节能",
            "清洁能源",
            "非化石",
            "环境",
            "废弃物",
            "用水",
            "节水",
        ],
    ),
    (
        "创新驱动",
        &[
            "研发",
            "研究与试验",
            "专利",
            "科技",
            "创新",
            "高新技术",
            "孵化",
            "技术合同",
            "人才",
            "院士",
            "数字经济",
            "5g",
            "互联网",
            "信息化",
            "工程技术研究中心",
            "知识产权",
        ],
    ),
    (
        "民生福祉",
        &[
            "就业",
            "失业",
            "居民",
            "农民",
            "职工",
            "养老",
            "医疗",
            "医院",
            "医师",
            "卫生",
            "床位",
            "健康",
            "寿命",
            "教育",
            "学校",
            "幼儿园",
            "入园",
            "学位",
            "教师",
            "住房",
            "保障房",
            "棚户区",
            "参保",
            "社保",
            "低保",
            "贫困",
            "脱贫",
            "文化",
            "体育",
            "健身",
            "托育",
            "婴幼儿",
            "社区",
            "公共服务",
            "饮水",
            "自来水",
            "普法",
            "妇女",
            "儿童",
            "残疾",
        ],
    ),
    (
        "经济发展",
        &[
            "生产总值",
            "gdp",
            "增加值",
            "投资",
            "消费品零售",
            "进出口",
            "出口",
            "外资",
            "外贸",
            "财政",
            "财力",
            "税收",
            "收入",
            "产值",
            "营业",
            "销售",
            "企业",
            "产业",
            "工业",
            "服务业",
            "旅游",
            "游客",
            "交通",
            "公路",
            "铁路",
            "机场",
            "港口",
            "吞吐量",
            "城镇化",
            "人口",
            "金融",
            "存款",
            "贷款",
            "园区",
            "市场主体",
            "农产品",
            "物流",
            "建筑",
            "房地产",
            "产量",
            "种植",
            "养殖",
            "出栏",
        ],
    ),
];

/// The domain the words of `name` tell, for a name the catalogue does not
/// hold; none when no word of a domain is in it.
pub fn inferred_domain(name: &str) -> Option<&'static str> {
    let n = normalize(name);
    DOMAIN_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| n.contains(w)))
        .map(|(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_catalogue_take_their_words_domain() {
        for (name, domain) in [
            ("养老床位", Some("民生福祉")),
            ("公办、民营、社区居家养老服务机构", Some("民生福祉")),
            ("森林蓄积量", Some("绿色生态")),
            ("境内河流断面水质达标率", Some("绿色生态")),
            ("各类科技企业孵化器、创业基地孵化面积", Some("创新驱动")),
            ("粮食播种面积", Some("安全保障")),
            ("农产品加工企业销售额", Some("经济发展")),
            ("锦州湾机场旅客吞吐量", Some("经济发展")),
            ("城镇居民人均居住建筑面积", Some("民生福祉")),
            // In either script.
            ("養老床位", Some("民生福祉")),
            ("规划建设滨海新区", None),
        ] {
            assert_eq!(inferred_domain(name), domain, "{name}");
        }
    }
}
