//! The key table's own checks.
use super::*;

#[test]
fn every_context_has_a_way_out_and_ctrl_c_quits() {
    let map = Keymap::default();
    for c in Context::ALL {
        assert!(
            map.bindings
                .iter()
                .any(|b| b.context == c && b.action == c.exit()),
            "{c:?}"
        );
        assert_eq!(map.action_in(c, Key::CTRL_C), Some(Action::Quit), "{c:?}");
    }
}

#[test]
fn no_key_means_two_actions_in_one_context() {
    let map = Keymap::default();
    for c in Context::ALL {
        let keys: Vec<(Key, Action)> = map
            .bindings
            .iter()
            .filter(|b| b.context == c)
            .flat_map(|b| b.keys.iter().map(move |k| (*k, b.action)))
            .collect();
        for (i, (k, a)) in keys.iter().enumerate() {
            for (k2, a2) in &keys[i + 1..] {
                assert!(
                    !(k == k2 && a != a2),
                    "{c:?}: {} bound to {a:?} and {a2:?}",
                    k.label()
                );
            }
        }
    }
}

#[test]
fn digits_are_typed_where_numbers_are_asked_for() {
    let map = Keymap::default();
    let seven = KeyEvent::new(KeyCode::Char('7'), KeyModifiers::NONE);
    assert_eq!(
        map.msg_for(Context::Present, seven).map(|m| format!("{m:?}")),
        Some("Input(Char('7'))".into())
    );
    assert_eq!(
        map.msg_for(Context::Quiz, seven).map(|m| format!("{m:?}")),
        Some("Input(Char('7'))".into())
    );
    assert!(map.msg_for(Context::Notes, seven).is_none());
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert!(matches!(
        map.msg_for(Context::Prompt, x),
        Some(Msg::Input(Input::Char('x')))
    ));
    assert!(matches!(
        map.msg_for(Context::Browse, x),
        Some(Msg::Action(Action::ClearFilters))
    ));
}

#[test]
fn keys_read_as_written_in_the_config() {
    assert_eq!(Key::parse("F5").map(|k| k.code), Some(KeyCode::F(5)));
    assert_eq!(
        Key::parse("Ctrl-f").map(|k| k.label()),
        Some("Ctrl-f".to_string())
    );
    assert_eq!(Key::parse("Shift-Tab").map(|k| k.code), Some(KeyCode::BackTab));
    assert_eq!(Key::parse("F13"), None);
    assert_eq!(Key::parse("nonsense"), None);
}
